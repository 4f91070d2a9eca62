// Loads the demo district (deploy/demo/erqi-district.json) through the services' public REST APIs, the way
// a district administrator would. Safe to run again: what exists is found and reused, nothing is duplicated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mintDevToken } from '../../deploy/auth/dev-tokens.mjs';

const levelNames = { micro: 'micro-grid', grid: 'level-3 grid', community: 'community', street: 'street' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function client(baseUrl, token) {
  const call = async (method, urlPath, body) => {
    const response = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), put: (p, b) => call('PUT', p, b) };
}

function expectStatus(response, statuses, what) {
  if (!statuses.includes(response.status)) {
    throw new Error(`demo: ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response;
}

/** Retries while another service's replica catches up with grid-registry's events. */
async function whenKnown(what, attempt) {
  for (let i = 0; i < 120; i += 1) {
    const response = await attempt();
    if (response.status < 400) return response;
    if (![404, 422].includes(response.status)) throw new Error(`demo: ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
    await sleep(250);
  }
  throw new Error(`demo: ${what} still refused after 30s — is the replica consuming? see .gridline/logs/`);
}

export async function loadDemo(root, urls, log, privateKeyFile) {
  const demo = JSON.parse(readFileSync(path.join(root, 'deploy/demo/erqi-district.json'), 'utf8'));
  const tenantId = demo.tenant.tenantId;
  // The demo acts as the people who would do each step: the city creates the district, its administrator
  // builds the tree, residents report, a courtyard leader acknowledges.
  const sign = (sub, roles, name) => mintDevToken({ privateKeyFile, sub, name, tenant: roles[0].role.startsWith('city') ? undefined : tenantId, roles });
  const districtAdmin = await sign('demo:erqi-admin', [{ role: 'district-admin' }], '二七区管理员');
  const registry = client(urls['grid-registry'], districtAdmin);
  const dispatch = client(urls['issue-dispatch'], districtAdmin);
  const volunteers = client(urls['volunteer-coordination'], districtAdmin);

  const created = await client(urls['grid-registry'], await sign('demo:city-admin', [{ role: 'city-admin' }], '市平台管理员')).post('/v1/tenants', demo.tenant);
  expectStatus(created, [201, 409], 'create the district');
  const existing = expectStatus(await registry.get(`/v1/tenants/${tenantId}/grids`), [200], 'list grids').body;
  const gridIds = new Map(existing.map((g) => [`${g.parentId ?? 'root'}/${g.name}`, g.gridId]));
  const byName = new Map(existing.map((g) => [g.name, g.gridId]));

  let made = 0;
  async function createGrid(node, parentId) {
    const key = `${parentId ?? 'root'}/${node.name}`;
    let gridId = gridIds.get(key);
    if (!gridId) {
      const body = { level: node.level, parentId, name: node.name };
      if (node.dedicated) body.dedicated = node.dedicated;
      if (node.addresses) body.addresses = node.addresses;
      if (node.leader) body.leader = node.leader;
      gridId = expectStatus(await registry.post(`/v1/tenants/${tenantId}/grids`, body), [201], `create grid ${node.name}`).body.gridId;
      made += 1;
    }
    byName.set(node.name, gridId);
    for (const child of node.children ?? []) await createGrid(child, gridId);
  }
  for (const street of demo.streets) await createGrid(street, null);
  const counts = {};
  const countLevels = (node) => {
    const label = node.dedicated ? 'dedicated' : node.level;
    counts[label] = (counts[label] ?? 0) + 1;
    (node.children ?? []).forEach(countLevels);
  };
  demo.streets.forEach(countLevels);
  log(`demo: ${demo.tenant.name} (${tenantId}, ${demo.tenant.divisionCode}) — ${Object.entries(counts).map(([k, v]) => `${v} ${k === 'grid' ? 'level-3' : k}`).join(', ')} grids (${made} created now)`);

  for (const category of demo.categories) {
    await whenKnown(`category ${category.code}`, () => dispatch.put(`/v1/tenants/${tenantId}/categories/${category.code}`, { name: category.name, ackWithinSeconds: category.ackWithinSeconds }));
  }
  for (const help of demo.helpCategories) {
    await whenKnown(`help category ${help.category}`, () => volunteers.put(`/v1/tenants/${tenantId}/help-categories/${help.category}`, { skill: help.skill }));
  }
  const knownVolunteers = expectStatus(await volunteers.get(`/v1/tenants/${tenantId}/volunteers`), [200], 'list volunteers').body;
  const volunteerNames = new Set((Array.isArray(knownVolunteers) ? knownVolunteers : knownVolunteers.items ?? []).map((v) => v.name));
  for (const volunteer of demo.volunteers) {
    if (volunteerNames.has(volunteer.name)) continue;
    await whenKnown(`volunteer ${volunteer.name}`, () =>
      volunteers.post(`/v1/tenants/${tenantId}/volunteers`, { name: volunteer.name, homeGridId: byName.get(volunteer.homeGrid), skills: volunteer.skills }));
  }
  log(`demo: ${demo.categories.length} categories with short demo windows, ${demo.volunteers.length} volunteers`);

  const reported = [];
  for (const issue of demo.issues) {
    const body = { category: issue.category, address: issue.address, description: issue.description, reporter: issue.reporter };
    if (issue.channel) body.channel = issue.channel;
    const resident = client(urls['issue-dispatch'], await sign(`demo:resident:${issue.reporter.name}`, [{ role: 'resident' }], issue.reporter.name));
    const response = await whenKnown(`report at ${issue.address}`, () => resident.post(`/v1/tenants/${tenantId}/issues`, body));
    reported.push({ ...issue, id: response.body.id });
    log(`demo: reported ${response.body.id.slice(0, 8)} ${issue.category} at ${issue.address} → dispatched to its ${levelNames[response.body.holderLevel]}`);
    if (issue.acknowledge) {
      const leader = client(urls['issue-dispatch'], await sign(`demo:leader:${issue.address}`, [{ role: 'leader', grid: response.body.holderGridId }], `${issue.address}微网格长`));
      expectStatus(await leader.post(`/v1/tenants/${tenantId}/issues/${response.body.id}/acknowledge`, { note: '已联系物业处理' }), [200], 'acknowledge');
      log(`demo: acknowledged ${response.body.id.slice(0, 8)} at ${issue.address} — it will not escalate`);
    }
  }
  return { tenantId, reported };
}
