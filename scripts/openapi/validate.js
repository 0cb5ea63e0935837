'use strict';
/*
 * Validates an OpenAPI document read from the file named on the command line with swagger-parser, printing
 * what is wrong. A separate process because swagger-parser's dependencies are ES modules, which Jest cannot require.
 */
const { readFileSync } = require('node:fs');
const SwaggerParser = require('@apidevtools/swagger-parser');

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
SwaggerParser.validate(document).then(
  () => console.log('valid'),
  (error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
