#!/usr/bin/env node
import { writeAtomic } from "./lib/write-atomic.ts";
import { RECORD_TYPES_FILE, recordTypesSource } from "./gen/record-types.ts";
import { RECORD_REFERENCE_FILE, recordReferenceSource } from "./gen/record-reference.ts";

writeAtomic(RECORD_TYPES_FILE, await recordTypesSource());
writeAtomic(RECORD_REFERENCE_FILE, recordReferenceSource());
