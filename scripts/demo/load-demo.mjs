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

/** Every item of a paged list (`{ items, next }`), following `after` cursors. */
async function allPages(api, listPath, what) {
  const items = [];
  let after = null;
  do {
    const separator = listPath.includes('?') ? '&' : '?';
    const page = expectStatus(
      await api.get(`${listPath}${after ? `${separator}after=${encodeURIComponent(after)}` : ''}`),
      [200],
      what,
    ).body;
    items.push(...page.items);
    after = page.next;
  } while (after);
  return items;
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
    if (![404, 422].includes(response.status))
      throw new Error(`demo: ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
    await sleep(250);
  }
  throw new Error(`demo: ${what} still refused after 30s — is the replica consuming? see .gridline/logs/`);
}

export async function loadDemo(root, urls, log, privateKeyFile) {
  const demo = JSON.parse(readFileSync(path.join(root, 'deploy/demo/erqi-district.json'), 'utf8'));
  const tenantId = demo.tenant.tenantId;
  // The demo acts as the people who would do each step: the city creates the district, its administrator
  // builds the tree, residents report, a courtyard leader acknowledges.
  const sign = (sub, roles, name) =>
    mintDevToken({ privateKeyFile, sub, name, tenant: roles[0].role.startsWith('city') ? undefined : tenantId, roles });
  const districtAdmin = await sign('demo:erqi-admin', [{ role: 'district-admin' }], '二七区管理员');
  const registry = client(urls['grid-registry'], districtAdmin);
  const dispatch = client(urls['issue-dispatch'], districtAdmin);
  const volunteers = client(urls['volunteer-coordination'], districtAdmin);

  const created = await client(
    urls['grid-registry'],
    await sign('demo:city-admin', [{ role: 'city-admin' }], '市平台管理员'),
  ).post('/v1/tenants', demo.tenant);
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
      gridId = expectStatus(
        await registry.post(`/v1/tenants/${tenantId}/grids`, body),
        [201],
        `create grid ${node.name}`,
      ).body.gridId;
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
  log(
    `demo: ${demo.tenant.name} (${tenantId}, ${demo.tenant.divisionCode}) — ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k === 'grid' ? 'level-3' : k}`)
      .join(', ')} grids (${made} created now)`,
  );

  const areas = layoutDistrict(demo.streets);
  await drawAndPopulate({ demo, registry, tenantId, byName, areas, log });

  for (const category of demo.categories) {
    await whenKnown(`category ${category.code}`, () =>
      dispatch.put(`/v1/tenants/${tenantId}/categories/${category.code}`, {
        name: category.name,
        ackWithinSeconds: category.ackWithinSeconds,
      }),
    );
  }
  for (const help of demo.helpCategories) {
    await whenKnown(`help category ${help.category}`, () =>
      volunteers.put(`/v1/tenants/${tenantId}/help-categories/${help.category}`, { skill: help.skill }),
    );
  }
  const volunteerIds = new Map(
    (await allPages(volunteers, `/v1/tenants/${tenantId}/volunteers`, 'list volunteers')).map((v) => [v.name, v.id]),
  );
  for (const volunteer of demo.volunteers) {
    if (volunteerIds.has(volunteer.name)) continue;
    const registered = await whenKnown(`volunteer ${volunteer.name}`, () =>
      volunteers.post(`/v1/tenants/${tenantId}/volunteers`, {
        name: volunteer.name,
        kind: volunteer.kind,
        homeGridId: byName.get(volunteer.homeGrid),
        skills: volunteer.skills,
      }),
    );
    volunteerIds.set(volunteer.name, registered.body.id);
  }
  log(`demo: ${demo.categories.length} categories with short demo windows, ${demo.volunteers.length} volunteers`);

  const reported = [];
  for (const issue of demo.issues) {
    // A pin dropped inside a grid's (illustrative) area instead of an address: routing by boundary.
    const where = issue.pointIn ? { location: centreOf(areas.get(issue.pointIn)) } : { address: issue.address };
    const body = { category: issue.category, ...where, description: issue.description, reporter: issue.reporter };
    if (issue.channel) body.channel = issue.channel;
    // A patrol (巡查) is reported by a grid worker on their round; only staff may use that channel.
    const reporterRoles = issue.workerOf
      ? [{ role: 'worker', grid: byName.get(issue.workerOf) }]
      : [{ role: 'resident' }];
    const resident = client(
      urls['issue-dispatch'],
      await sign(
        `demo:${issue.workerOf ? 'worker' : 'resident'}:${issue.reporter.name}`,
        reporterRoles,
        issue.reporter.name,
      ),
    );
    const place = issue.address ?? `a pin in ${issue.pointIn}`;
    const response = await whenKnown(`report at ${place}`, () => resident.post(`/v1/tenants/${tenantId}/issues`, body));
    reported.push({ ...issue, id: response.body.id });
    log(
      `demo: reported ${response.body.id.slice(0, 8)} ${issue.category} at ${place} → dispatched to its ${levelNames[response.body.holderLevel]}`,
    );
    if (issue.acknowledge) {
      const leader = client(
        urls['issue-dispatch'],
        await sign(
          `demo:leader:${issue.address}`,
          [{ role: 'leader', grid: response.body.holderGridId }],
          `${issue.address}微网格长`,
        ),
      );
      const acknowledged = expectStatus(
        await leader.post(`/v1/tenants/${tenantId}/issues/${response.body.id}/acknowledge`, { note: '已联系物业处理' }),
        [200],
        'acknowledge',
      );
      log(`demo: acknowledged ${response.body.id.slice(0, 8)} at ${issue.address} — it will not escalate`);
      if (issue.caseLoop) {
        const dispatcher = client(
          urls['issue-dispatch'],
          await sign('demo:erqi-dispatcher', [{ role: 'dispatcher' }], '二七区指挥调度中心'),
        );
        await walkCaseLoop({
          tenantId,
          issue,
          caseView: acknowledged.body,
          leader,
          reporter: resident,
          dispatcher,
          volunteers,
          log,
        });
      }
    }
  }

  const asResident = async (name) =>
    client(urls['volunteer-coordination'], await sign(`demo:resident:${name}`, [{ role: 'resident' }], name));
  await holdServiceDay({ demo, volunteers, tenantId, byName, volunteerIds, asResident, log });
  await stockToolRoom({ demo, volunteers, tenantId, byName, asResident, log });
  await reportThroughOpen311({ demo, dispatch, dispatchUrl: urls['issue-dispatch'], tenantId, log });
  return { tenantId, reported };
}

/**
 * The whole case loop on one issue (数字城管): the micro-grid leader, who has acknowledged, starts work and
 * resolves; the reporter verifies; the dispatch centre closes (结案); the reporter rates. Each step names the case
 * version it saw, as every client must. A fresh issue each run, so running again walks the new one.
 */
async function walkCaseLoop({ tenantId, issue, caseView, leader, reporter, dispatcher, volunteers, log }) {
  const id = caseView.id;
  const loop = issue.caseLoop;
  let version = caseView.version;
  const act = async (who, action, body, expectedState) => {
    const response = expectStatus(
      await who.post(`/v1/tenants/${tenantId}/issues/${id}/${action}`, { expectedVersion: version, ...body }),
      [200],
      `${action} ${id}`,
    );
    if (response.body.state !== expectedState)
      throw new Error(`demo: ${action} left ${id} ${response.body.state}, not ${expectedState}`);
    version = response.body.version;
  };
  await act(leader, 'start-work', { note: loop.startNote }, 'in-progress');
  const helped = await volunteerHelps({ tenantId, issueId: id, volunteers, hours: loop.volunteerHours });
  log(`demo: ${helped}`);
  await act(leader, 'resolve', { note: loop.resolveNote }, 'resolved');
  await act(reporter, 'verify', { passed: true }, 'verified');
  await act(dispatcher, 'close', {}, 'closed');
  await act(reporter, 'rate', { rating: loop.rating, comment: loop.ratingComment }, 'closed');
  log(
    `demo: case loop ${id.slice(0, 8)} at ${issue.address}: acknowledged → in progress → resolved → verified by the reporter → closed by the dispatch centre → rated ${loop.rating}★ (GET …/issues/${id}/history)`,
  );
}

/**
 * The category needs a volunteer's help, so volunteer-coordination offers the task (by event) to the best-ranked
 * neighbour; the grid's staff take the offer through accepted → checked in → checked out → completed, which credits
 * the hours and — again by event — appears in the case history. Nobody offered within 15 s (every plumber is at
 * their weekly cap after a few runs) is reported, not a failure.
 */
async function volunteerHelps({ tenantId, issueId, volunteers, hours }) {
  const base = `/v1/tenants/${tenantId}/offers`;
  let offer;
  for (let i = 0; i < 60 && !offer; i += 1) {
    offer = expectStatus(
      await volunteers.get(`${base}?issueId=${issueId}&status=offered`),
      [200],
      'find the volunteer offer',
    ).body.items[0];
    if (!offer) await sleep(250);
  }
  if (!offer)
    return `no volunteer was offered the task of ${issueId.slice(0, 8)} (none available) — the history says so`;
  for (const step of ['accept', 'check-in', 'check-out'])
    expectStatus(await volunteers.post(`${base}/${offer.id}/${step}`), [200], `${step} offer ${offer.id}`);
  expectStatus(await volunteers.post(`${base}/${offer.id}/complete`, { hours }), [200], `complete offer ${offer.id}`);
  return `volunteer ${offer.volunteerId.slice(0, 8)} accepted the task of ${issueId.slice(0, 8)}, checked in and out, completed: ${hours} h credited, shown in the case history`;
}

/**
 * 三九便民服务日 at the community: the monthly series (found by title and grid if it exists), a few residents signed
 * up for the clinic on the next date, and the haircut volunteer on the shift. A second sign-up of the same person is
 * 409 ALREADY_SIGNED_UP, which a re-run takes as done.
 */
async function holdServiceDay({ demo, volunteers, tenantId, byName, volunteerIds, asResident, log }) {
  const day = demo.serviceDay;
  const gridId = byName.get(day.grid);
  const base = `/v1/tenants/${tenantId}`;
  let series = (await allPages(volunteers, `${base}/service-events`, 'list service events')).find(
    (s) => s.title === day.title && s.gridId === gridId,
  );
  let createdNow = false;
  if (!series) {
    const { residents, haircutVolunteer, grid, ...body } = day;
    series = (
      await whenKnown(`service event at ${grid}`, () => volunteers.post(`${base}/service-events`, { ...body, gridId }))
    ).body.series;
    createdNow = true;
  }
  const next = expectStatus(
    await volunteers.get(`${base}/service-occurrences?seriesId=${series.id}&limit=1`),
    [200],
    'next service day',
  ).body.items[0];
  if (!next) {
    log(`demo: ${day.title} at ${day.grid} — no upcoming date in the horizon yet`);
    return;
  }
  const signUp = async (who, body, what) => {
    const response = expectStatus(
      await who.post(`${base}/service-occurrences/${next.id}/sign-ups`, body),
      [201, 409],
      what,
    );
    if (response.status === 409 && response.body.code !== 'ALREADY_SIGNED_UP')
      throw new Error(`demo: ${what} failed: 409 ${JSON.stringify(response.body)}`);
    return response.status === 201 ? 1 : 0;
  };
  let signedUp = 0;
  for (const name of day.residents)
    signedUp += await signUp(
      await asResident(name),
      { role: 'resident', pool: day.residentSlots[0].service },
      `sign up ${name}`,
    );
  const volunteerId = volunteerIds.get(day.haircutVolunteer);
  const shift = volunteerId
    ? await signUp(
        volunteers,
        { role: 'volunteer', volunteerId, pool: day.volunteerShifts[0].skill },
        `sign up ${day.haircutVolunteer}`,
      )
    : 0;
  log(
    `demo: ${day.title} at ${day.grid} (${createdNow ? 'created' : 'already there'}: monthly on the ${day.recurrence.daysOfMonth.join('/')}, ${day.startTime}-${day.endTime} ${day.timeZone}, ${day.residentSlots[0].capacity} clinic places) — next on ${next.date}: ${signedUp} residents signed up now, haircut shift ${shift ? `taken by ${day.haircutVolunteer}` : 'already taken'}`,
  );
}

/** The community's shared tool room (共享工具房): tools added once (by name), and a resident borrowing the ladder if it is in. */
async function stockToolRoom({ demo, volunteers, tenantId, byName, asResident, log }) {
  const room = demo.toolRoom;
  const base = `/v1/tenants/${tenantId}/tool-rooms/${byName.get(room.grid)}`;
  const listed = await whenKnown(`tool room of ${room.grid}`, () => volunteers.get(`${base}/tools?limit=100`));
  const tools = new Map(listed.body.items.map((t) => [t.name, t]));
  let added = 0;
  for (const tool of room.tools) {
    if (tools.has(tool.name)) continue;
    tools.set(
      tool.name,
      expectStatus(
        await volunteers.post(`${base}/tools`, { name: tool.name, kind: tool.kind, condition: 'good' }),
        [201],
        `add ${tool.name}`,
      ).body,
    );
    added += 1;
  }
  const lent = tools.get(room.loan.tool);
  let loan = 'is out already';
  if (lent.available) {
    const dueAt = new Date(Date.now() + room.loan.days * 24 * 60 * 60 * 1000).toISOString();
    expectStatus(
      await (await asResident(room.loan.borrower)).post(`${base}/tools/${lent.id}/loans`, { dueAt }),
      [201],
      `lend ${lent.name}`,
    );
    loan = `lent to a resident until ${dueAt.slice(0, 10)}`;
  }
  log(
    `demo: tool room of ${room.grid}: ${room.tools.map((t) => t.name).join(', ')} (${added} added now); ${room.loan.tool} ${loan}`,
  );
}

/**
 * Open311 GeoReport v2: the district issues an API key to a civic app, which posts one report form-encoded. The key
 * is shown only once, so a re-run that finds the app's key already issued skips both steps.
 */
async function reportThroughOpen311({ demo, dispatch, dispatchUrl, tenantId, log }) {
  const { appName, request } = demo.open311;
  const keys = expectStatus(
    await dispatch.get(`/v1/tenants/${tenantId}/open311/api-keys`),
    [200],
    'list Open311 API keys',
  ).body;
  if (keys.some((k) => k.appName === appName && k.revokedAt === null)) {
    log(
      `demo: Open311 key for "${appName}" already issued — its report was posted then (GET ${dispatchUrl}/open311/v2/requests.json?jurisdiction_id=${tenantId})`,
    );
    return;
  }
  const issued = expectStatus(
    await dispatch.post(`/v1/tenants/${tenantId}/open311/api-keys`, { appName }),
    [201],
    'issue an Open311 API key',
  ).body;
  const form = new URLSearchParams({ jurisdiction_id: tenantId, api_key: issued.apiKey, ...request });
  const response = await fetch(`${dispatchUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body = await response.json();
  if (response.status !== 201)
    throw new Error(`demo: Open311 report failed: ${response.status} ${JSON.stringify(body)}`);
  log(
    `demo: Open311 key …${issued.keyHint} issued to "${appName}"; ${request.service_code} at ${request.address_string} posted form-encoded → service_request_id ${body[0].service_request_id}`,
  );
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
    expectStatus(
      await registry.put(`${base}/grids/${byName.get(name)}/boundary`, rectanglePolygon(area)),
      [200],
      `draw ${name}`,
    );
    boundaries += 1;
  }

  const counts = { courtyard: 0, building: 0, stairwell: 0, poi: 0 };
  async function place(body) {
    const response = expectStatus(await registry.post(`${base}/places`, body), [201, 409], `register ${body.address}`);
    if (response.status === 201) {
      counts[body.kind] += 1;
      return response.body.placeId;
    }
    const found = expectStatus(
      await registry.get(`${base}/resolve?address=${encodeURIComponent(body.address)}`),
      [200],
      `find ${body.address}`,
    );
    return found.body.placeId;
  }
  const detail = new Map(demo.places.courtyards.map((c) => [c.grid, c]));
  const micros = [];
  const walk = (node) =>
    node.level === 'micro' && node.addresses?.length ? micros.push(node) : (node.children ?? []).forEach(walk);
  demo.streets.forEach(walk);
  for (const micro of micros) {
    const gridId = byName.get(micro.name);
    const courtyardId = await place({
      kind: 'courtyard',
      name: micro.name,
      address: micro.addresses[0],
      gridId,
      point: centreOf(areas.get(micro.name)),
    });
    const plan = detail.get(micro.name);
    if (!plan) continue;
    // Stairwells shared out over the buildings as evenly as the page's numbers allow (39 over 10: 4 × 9 + 3).
    for (let b = 1; b <= plan.buildings; b += 1) {
      const building = `${plan.address}${b}号楼`;
      const buildingId = await place({
        kind: 'building',
        name: `${b}号楼`,
        address: building,
        gridId,
        parentPlaceId: courtyardId,
      });
      const stairwells = Math.floor(plan.stairwells / plan.buildings) + (b <= plan.stairwells % plan.buildings ? 1 : 0);
      for (let u = 1; u <= stairwells; u += 1)
        await place({
          kind: 'stairwell',
          name: `${u}单元`,
          address: `${building}${u}单元`,
          gridId,
          parentPlaceId: buildingId,
        });
    }
  }
  for (const poi of demo.places.pois)
    await place({
      kind: 'poi',
      name: poi.name,
      address: poi.address,
      gridId: byName.get(poi.grid),
      point: centreOf(areas.get(poi.grid)),
    });

  let members = 0;
  for (const member of demo.members) {
    const url = `${base}/grids/${byName.get(member.grid)}/members`;
    const listed = expectStatus(await registry.get(url), [200], `list members of ${member.grid}`).body;
    const serving = Array.isArray(listed) ? listed : (listed.items ?? []);
    if (serving.some((m) => m.name === member.name && m.role === member.role)) continue;
    const { grid, ...body } = member;
    expectStatus(await registry.post(url, body), [201], `add ${member.name} to ${grid}`);
    members += 1;
  }
  log(
    `demo: boundaries for ${boundaries} grids; places registered now: ${counts.courtyard} courtyards, ${counts.building} buildings, ${counts.stairwell} stairwells, ${counts.poi} points of interest; ${members} members added`,
  );
}
