// Loads the demo district (deploy/demo/erqi-district.json) through the services' public REST APIs, the way
// a district administrator would. Safe to run again: what exists is found and reused, nothing is duplicated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mintDevToken } from '../../deploy/auth/dev-tokens.mjs';
import { centreOf, layoutDistrict, rectanglePolygon } from './demo-geography.mjs';

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

  const areas = layoutDistrict(demo.streets);
  await drawAndPopulate({ demo, registry, tenantId, byName, areas, log });

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
    // A pin dropped inside a grid's (illustrative) area instead of an address: routing by boundary.
    const where = issue.pointIn ? { location: centreOf(areas.get(issue.pointIn)) } : { address: issue.address };
    const body = { category: issue.category, ...where, description: issue.description, reporter: issue.reporter };
    if (issue.channel) body.channel = issue.channel;
    // Patrols and home visits are reported by a grid worker (of the grid the file names); everything else by a resident.
    const roles = issue.channel && issue.channel !== 'resident' ? [{ role: 'worker', grid: byName.get(issue.workerOf) }] : [{ role: 'resident' }];
    const resident = client(urls['issue-dispatch'], await sign(`demo:${roles[0].role}:${issue.reporter.name}`, roles, issue.reporter.name));
    const place = issue.address ?? `a pin in ${issue.pointIn}`;
    const response = await whenKnown(`report at ${place}`, () => resident.post(`/v1/tenants/${tenantId}/issues`, body));
    reported.push({ ...issue, id: response.body.id });
    log(`demo: reported ${response.body.id.slice(0, 8)} ${issue.category} at ${place} → dispatched to its ${levelNames[response.body.holderLevel]}`);
    if (issue.acknowledge) {
      const leader = client(urls['issue-dispatch'], await sign(`demo:leader:${issue.address}`, [{ role: 'leader', grid: response.body.holderGridId }], `${issue.address}微网格长`));
      expectStatus(await leader.post(`/v1/tenants/${tenantId}/issues/${response.body.id}/acknowledge`, { note: '已联系物业处理' }), [200], 'acknowledge');
      log(`demo: acknowledged ${response.body.id.slice(0, 8)} at ${issue.address} — it will not escalate`);
    }
  }
  return { tenantId, reported };
}

/**
 * Boundaries for every grid, a courtyard place for every micro-grid with an address (buildings and stairwells
 * where the file lists them), and the members the file names. Safe to repeat: the same boundary is no change,
 * a taken address is the place already there, and a member already serving in that role is skipped.
 */
async function drawAndPopulate({ demo, registry, tenantId, byName, areas, log }) {
  const base = `/v1/tenants/${tenantId}`;
  let boundaries = 0;
  for (const [name, area] of areas) {
    expectStatus(await registry.put(`${base}/grids/${byName.get(name)}/boundary`, rectanglePolygon(area)), [200], `draw ${name}`);
    boundaries += 1;
  }

  const counts = { courtyard: 0, building: 0, stairwell: 0, poi: 0 };
  async function place(body) {
    const response = expectStatus(await registry.post(`${base}/places`, body), [201, 409], `register ${body.address}`);
    if (response.status === 201) {
      counts[body.kind] += 1;
      return response.body.placeId;
    }
    const found = expectStatus(await registry.get(`${base}/resolve?address=${encodeURIComponent(body.address)}`), [200], `find ${body.address}`);
    return found.body.placeId;
  }
  const detail = new Map(demo.places.courtyards.map((c) => [c.grid, c]));
  const micros = [];
  const walk = (node) => (node.level === 'micro' && node.addresses?.length ? micros.push(node) : (node.children ?? []).forEach(walk));
  demo.streets.forEach(walk);
  for (const micro of micros) {
    const gridId = byName.get(micro.name);
    const courtyardId = await place({ kind: 'courtyard', name: micro.name, address: micro.addresses[0], gridId, point: centreOf(areas.get(micro.name)) });
    const plan = detail.get(micro.name);
    if (!plan) continue;
    // Stairwells shared out over the buildings as evenly as the page's numbers allow (39 over 10: 4 × 9 + 3).
    for (let b = 1; b <= plan.buildings; b += 1) {
      const building = `${plan.address}${b}号楼`;
      const buildingId = await place({ kind: 'building', name: `${b}号楼`, address: building, gridId, parentPlaceId: courtyardId });
      const stairwells = Math.floor(plan.stairwells / plan.buildings) + (b <= plan.stairwells % plan.buildings ? 1 : 0);
      for (let u = 1; u <= stairwells; u += 1) await place({ kind: 'stairwell', name: `${u}单元`, address: `${building}${u}单元`, gridId, parentPlaceId: buildingId });
    }
  }
  for (const poi of demo.places.pois) await place({ kind: 'poi', name: poi.name, address: poi.address, gridId: byName.get(poi.grid), point: centreOf(areas.get(poi.grid)) });

  let members = 0;
  for (const member of demo.members) {
    const url = `${base}/grids/${byName.get(member.grid)}/members`;
    const listed = expectStatus(await registry.get(url), [200], `list members of ${member.grid}`).body;
    const serving = Array.isArray(listed) ? listed : listed.items ?? [];
    if (serving.some((m) => m.name === member.name && m.role === member.role)) continue;
    const { grid, ...body } = member;
    expectStatus(await registry.post(url, body), [201], `add ${member.name} to ${grid}`);
    members += 1;
  }
  log(`demo: boundaries for ${boundaries} grids; places registered now: ${counts.courtyard} courtyards, ${counts.building} buildings, ${counts.stairwell} stairwells, ${counts.poi} points of interest; ${members} members added`);
}
