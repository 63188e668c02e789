#!/usr/bin/env node
// A second opinion on registry files: validates YAML files against GitRegistry's JSON Schemas with ajv (draft-07),
// so the test suite can check that GitRegistry's own validator reaches the same verdict as an independent one.
//
//   node validate.js --schema SCHEMA.json FILE... [--schema OTHER.json FILE...]   -> verdicts
//   node validate.js --parse FILE...                                               -> the parsed values
//
// Prints one JSON array on stdout: [{ file, schema, valid, yamlError, errors }] or [{ file, default, core }].
// YAML is read with js-yaml's CORE_SCHEMA (YAML 1.2 core: what GitRegistry's reader promises); --parse also
// shows js-yaml's DEFAULT_SCHEMA reading (YAML 1.1-style timestamps), which written files must survive too.
'use strict';

const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const Ajv = require('ajv');

function readYaml(file, schema) {
  return yaml.load(fs.readFileSync(file, 'utf8'), { schema, filename: file, json: false });
}

function validate(args) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const compiled = new Map();
  const results = [];
  let schemaFile = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--schema') {
      schemaFile = path.resolve(args[++i]);
      if (!compiled.has(schemaFile)) {
        compiled.set(schemaFile, ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))));
      }
      continue;
    }
    if (schemaFile === null) {
      throw new Error(`no --schema before ${args[i]}`);
    }
    const check = compiled.get(schemaFile);
    const result = { file: args[i], schema: path.basename(schemaFile), valid: false, yamlError: null, errors: [] };
    let document;
    try {
      document = readYaml(args[i], yaml.CORE_SCHEMA);
    } catch (e) {
      result.yamlError = String(e.message).split('\n')[0];
      results.push(result);
      continue;
    }
    result.valid = check(document) === true;
    result.errors = (check.errors || []).map(e => `${e.instancePath || '/'} ${e.message}`);
    results.push(result);
  }
  return results;
}

function parse(files) {
  return files.map(file => {
    const entry = { file };
    for (const [name, schema] of [['core', yaml.CORE_SCHEMA], ['default', yaml.DEFAULT_SCHEMA]]) {
      try {
        // Dates from the default schema print as ISO strings, which a test can tell from the original text.
        entry[name] = readYaml(file, schema);
      } catch (e) {
        entry[name] = { yamlError: String(e.message).split('\n')[0] };
      }
    }
    return entry;
  });
}

const args = process.argv.slice(2);
const output = args[0] === '--parse' ? parse(args.slice(1)) : validate(args);
process.stdout.write(JSON.stringify(output, null, 1) + '\n');
