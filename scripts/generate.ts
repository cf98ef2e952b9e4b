#!/usr/bin/env node
import { writeAtomic } from "./lib/write-atomic.ts";
import { PLAYBOOK_TYPES_FILE, playbookTypesSource, RECORD_TYPES_FILE, recordTypesSource } from "./gen/record-types.ts";
import { RECORD_REFERENCE_FILE, recordReferenceSource } from "./gen/record-reference.ts";
import { validatorsSource } from "./gen/validators.ts";
import { VALIDATORS_FILE } from "./schema/registry.ts";

writeAtomic(RECORD_TYPES_FILE, await recordTypesSource());
writeAtomic(PLAYBOOK_TYPES_FILE, await playbookTypesSource());
writeAtomic(RECORD_REFERENCE_FILE, recordReferenceSource());
writeAtomic(VALIDATORS_FILE, validatorsSource());
