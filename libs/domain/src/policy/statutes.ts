/** The Act most notices are made under, as a notice cites it. */
export const ACT_2014 = 'Anti-social Behaviour, Crime and Policing Act 2014';
