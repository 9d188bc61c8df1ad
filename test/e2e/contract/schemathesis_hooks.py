"""Loaded by schemathesis for the suite's fuzz runs (test/support/schemathesis.ts sets SCHEMATHESIS_HOOKS).

Works around one fault of schemathesis 4.32.5, and nothing else: its coverage phase builds header
values from letters and digits only, so for an optional header whose pattern needs another character
(If-Match: `*` or `"12"`) it finds no valid value, keeps its first invalid one (`0`), and still sends
it in cases it labels positive ("All required properties and optional 'If-Match'"). The API rightly
answers 400, which the positive-data check then reports as a valid request refused. Those cases are
not valid requests, so they are left out; every case whose headers do match their documented patterns
is sent and checked as usual, and so is every negative case.
"""

import re

import schemathesis
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import TestPhase


@schemathesis.hook
def filter_case(context, case):
    meta = case.meta
    if meta is None or meta.phase.name != TestPhase.COVERAGE or meta.generation.mode != GenerationMode.POSITIVE:
        return True
    for parameter in case.operation.definition.raw.get("parameters", []):
        pattern = parameter.get("schema", {}).get("pattern")
        if parameter.get("in") != "header" or pattern is None:
            continue
        value = next((value for name, value in (case.headers or {}).items() if name.lower() == parameter["name"].lower()), None)
        if value is not None and not re.search(pattern, str(value)):
            return False
    return True
