import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MAIN } from './support/built-server';

// docker/compose.yml is checked offline with Debian's docker-compose 1.29 (no Docker engine here):
// `config` exits 1 on an unknown key or a bad interpolation. .ci/run installs it.
const WORKSPACE = path.resolve(__dirname, '../../..');
const COMPOSE_FILE = 'docker/compose.yml';
const INSTALL_HINT = 'docker-compose is not on PATH: install it with `apt-get install -y docker-compose` (Debian 1.29; .ci/run does this)';
const SECRET = 'x'.repeat(48);

/** The variables compose.yml interpolates, cleared so a developer's shell cannot change the result. */
const COMPOSE_VARS = ['JWT_SECRET', 'POSTGRES_PASSWORD', 'LOG_LEVEL', 'YORIAI_IMAGE', 'YORIAI_HTTP_PORT', 'COMPOSE_FILE', 'COMPOSE_PROJECT_NAME'];

function run(command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !COMPOSE_VARS.includes(k)));
  return spawnSync(command, args, { cwd: WORKSPACE, env: { ...clean, ...env }, encoding: 'utf8', timeout: 60_000 });
}

function succeeded(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} exited with ${r.status}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Lines of a YAML mapping's block: the lines under `key:` indented deeper than it. */
function block(yaml: string, key: string, indent = ''): string {
  const lines = yaml.split('\n');
  const start = lines.indexOf(`${indent}${key}:`);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.trim() !== '' && !l.startsWith(`${indent} `));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The keys of a block-style YAML mapping at the given indentation. */
function keys(mapping: string, indent: string): string[] {
  return mapping
    .split('\n')
    .map((l) => new RegExp(`^${indent}([A-Za-z0-9_.-]+):`).exec(l)?.[1])
    .filter((k): k is string => k !== undefined);
}

function environmentValue(service: string, name: string): string | undefined {
  return new RegExp(`^ {6}${name}: '?(.*?)'?$`, 'm').exec(block(service, 'environment', '    '))?.[1];
}

describe('docker/compose.yml (docker-compose 1.29, offline)', () => {
  let services: Map<string, string>;

  beforeAll(() => {
    const probe = run('docker-compose', ['version']);
    if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(INSTALL_HINT);
    succeeded(probe, 'docker-compose version');
    const rendered = succeeded(run('docker-compose', ['-f', COMPOSE_FILE, 'config'], { JWT_SECRET: SECRET }), 'docker-compose config');
    const servicesBlock = block(rendered, 'services');
    services = new Map(keys(servicesBlock, '  ').map((name) => [name, block(servicesBlock, name, '  ')]));
  });

  it('validates: `docker-compose config -q` exits 0 without any environment', () => {
    const r = run('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q']);
    succeeded(r, 'docker-compose config -q');
    expect(r.status).toBe(0);
  });

  it('runs two API replicas from docker/Dockerfile on PostgreSQL and Redis', () => {
    const apis = [...services].filter(([, s]) => /^ {6}dockerfile: docker\/Dockerfile$/m.test(s));
    expect(apis.map(([name]) => name)).toEqual(['api-1', 'api-2']);
    for (const [, api] of apis) {
      expect(environmentValue(api, 'NODE_ENV')).toBe('production');
      expect(environmentValue(api, 'DATABASE_URL')).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
      expect(environmentValue(api, 'REDIS_URL')).toBe('redis://redis:6379');
      expect(environmentValue(api, 'JWT_SECRET')).toBe(SECRET);
      const dependsOn = block(api, 'depends_on', '    ');
      for (const dependency of ['postgres', 'redis']) {
        expect(block(dependsOn, dependency, '      ')).toContain('condition: service_healthy');
      }
    }
  });

  it('has PostgreSQL 15 on a volume with a health check, and Redis 7', () => {
    const postgres = services.get('postgres') ?? '';
    expect(postgres).toMatch(/^ {4}image: postgres:15$/m);
    expect(postgres).toContain('/var/lib/postgresql/data');
    expect(postgres).toContain('pg_isready');
    expect(services.get('redis') ?? '').toMatch(/^ {4}image: redis:7$/m);
  });

  it('publishes nginx with TLS on 8443 (8080 redirects), balancing both replicas with WebSocket upgrades', () => {
    const proxy = services.get('proxy') ?? '';
    expect(proxy).toMatch(/^ {4}image: nginx:/m);
    expect(proxy).toMatch(/published: 8080\n\s+target: 80\b/);
    expect(proxy).toMatch(/published: 8443\n\s+target: 443\b/);
    expect(proxy).toMatch(/docker\/nginx\.conf:\/etc\/nginx\/templates\/default\.conf\.template:ro/);
    expect(proxy).toMatch(/docker\/certs:\/etc\/nginx\/certs:ro/);
    expect(keys(block(proxy, 'depends_on', '    '), '      ')).toEqual(['api-1', 'api-2']);

    const nginx = readFileSync(path.join(WORKSPACE, 'docker/nginx.conf'), 'utf8');
    // Finding 10: TLS terminates here; plain HTTP only redirects (and answers health probes).
    expect(nginx).toMatch(/listen 443 ssl;/);
    expect(nginx).toMatch(/ssl_certificate\s+\/etc\/nginx\/certs\/tls\.crt;/);
    expect(nginx).toMatch(/return 301 https:\/\/\$host:\$\{YORIAI_HTTPS_PORT\}\$request_uri;/);
    for (const api of ['api-1', 'api-2']) expect(nginx).toMatch(new RegExp(`^\\s*server ${api}:3000\\b`, 'm'));
    const socket = /location \/socket\.io\/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(socket).toContain('proxy_set_header Upgrade');
    expect(socket).toMatch(/proxy_set_header Connection\s+\$connection_upgrade;/);
    expect(socket).toMatch(/proxy_read_timeout 1h;/);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    // proxy_set_header is not inherited into a location that sets its own headers.
    for (const [, body] of nginx.matchAll(/location [^{]+\{([^}]*)\}/g)) {
      if (/^\s*return 301 /.test(body ?? '')) continue; // the HTTP → HTTPS redirect proxies nothing
      expect(body).toMatch(/proxy_set_header X-Forwarded-For\s/);
      expect(body).toMatch(/proxy_set_header X-Forwarded-Proto\s/);
    }
  });

  it('never starts the API with a default JWT secret: unset, the placeholder is too short for production', () => {
    const rendered = succeeded(run('docker-compose', ['-f', COMPOSE_FILE, 'config']), 'docker-compose config');
    const api = block(block(rendered, 'services'), 'api-1', '  ');
    expect((environmentValue(api, 'JWT_SECRET') ?? '').length).toBeLessThan(32);
  });
});

describe('docker/Dockerfile', () => {
  it('builds the image that runs the same entry point as npm start, as a non-root user, with a health check', () => {
    const dockerfile = readFileSync(path.join(WORKSPACE, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`CMD ["node", "${path.relative(WORKSPACE, MAIN)}"]`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    const ignored = readFileSync(path.join(WORKSPACE, 'docker/Dockerfile.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '**/.yoriai', '.nx', '.git']) expect(ignored).toContain(entry);
  });
});
