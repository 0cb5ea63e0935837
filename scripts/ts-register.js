// Lets plain `node` run the TypeScript sources without a build — the multi-process tests' child engines and the
// benchmarks: `node -r ./scripts/ts-register.js some-file.ts`. Each .ts file is transpiled on load with the project's
// compiler options (as ts-jest does for the tests), and `@app/<lib>` resolves to libs/<lib>/src.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const root = path.join(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, sourceMap: false, inlineSourceMap: true, isolatedModules: true }, root);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@app\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, lib ? path.join(root, 'libs', lib[1], 'src', 'index.ts') : request, ...rest);
};

// Transpiled files are kept by a hash of their source and the compiler options, so the second and later child
// engines of a test run (and of a benchmark) start without transpiling every file again.
const crypto = require('node:crypto');
const cacheDir = path.join(root, 'node_modules', '.cache', 'fengqiao-ts');
const optionsHash = crypto.createHash('sha1').update(JSON.stringify(options)).update(ts.version).digest('hex');

function transpile(source, filename) {
  const key = crypto.createHash('sha1').update(optionsHash).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      // Written under a temporary name, then renamed: a process reading it never sees half a file.
      const partial = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(partial, outputText);
      fs.renameSync(partial, cached);
    } catch {
      // A read-only tree: transpile every time.
    }
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
