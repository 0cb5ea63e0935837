// The few HTTP calls the benchmarks make to a running engine, with a bearer token; a failed call throws with its body.

async function login(base, username, password) {
  return (await post(base, '/api/auth/login', null, { username, password })).accessToken;
}

async function get(base, path, token) {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function post(base, path, token, body) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

module.exports = { login, get, post };
