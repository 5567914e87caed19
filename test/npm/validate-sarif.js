#!/usr/bin/env node
// Validates SARIF files against the official SARIF 2.1.0 JSON schema
// (draft-04, as published with the standard). Exit 0 when every file is
// valid; otherwise prints each violation with its JSON path and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemaPath = path.join(__dirname, 'node_modules', '@microsoft', 'jest-sarif',
                             'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// The official schema's language pattern is not a valid unicode-mode regex.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: validate-sarif.js FILE.sarif...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(doc)) {
    console.log(`${file}: valid SARIF 2.1.0`);
  } else {
    failed++;
    for (const e of validate.errors)
      console.log(`${file}: invalid: ${e.instancePath || '/'} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
