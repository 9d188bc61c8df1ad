import { datesInWords } from './dates';
import { inWords } from './words';

const STORED_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/gu;

/** A sentence the service wrote (a refusal's detail, a timeline entry) as a person reads it: its dates and stored codes in words. */
export function sentenceInWords(text: string): string {
  return datesInWords(text.replace(STORED_CODE, (code) => inWords(code).toLowerCase()));
}
