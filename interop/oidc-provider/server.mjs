// A real OAuth 2.0 authorization server (oidc-provider, pinned in package-lock.json) for the
// `maml serve --auth oidc` tests. Usage: node server.mjs CONFIG.json, where the test writes
//   {"clients": [{"clientId", "clientSecret"}, ...], "audience", "scope", "jwksFile", "accessTokenTtl",
//    "resources": [...]}
// ("resources", optional: more resource servers, such as an MCP server's URL, whose tokens name the
// resource itself in aud, as RFC 8707 has it; a request for any other resource is invalid_target)
// and jwksFile holds the private signing key(s) as a JWKS, so the test can also forge tokens with
// the issuer's own key. Listens on 127.0.0.1, port 0; prints {"issuer": "..."} on one line when
// ready; exits when stdin closes (the test went away) or on SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const jwks = JSON.parse(readFileSync(config.jwksFile, 'utf8'));

let handler = (_req, res) => { res.statusCode = 503; res.end(); };
const server = createServer((req, res) => handler(req, res));
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: config.scope,
    })),
    jwks,
    scopes: [config.scope],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // One resource server (the maml serve under test): a token request without a `resource`
      // parameter gets it too, so a drone's plain client-credentials request yields an RFC 9068
      // JWT access token (typ at+jwt) with aud, client_id and scope instead of an opaque one.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== config.audience && !(config.resources ?? []).includes(resource)) {
            throw new errors.InvalidTarget();
          }
          return {
            audience: resource,
            scope: config.scope,
            accessTokenFormat: 'jwt',
            accessTokenTTL: config.accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  });
  handler = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
