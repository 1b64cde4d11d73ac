/**
 * The answer walk's part for call permissions and the rest of a user: each route called once on
 * the walk's user and group, what it creates linked and read back through its owners, then
 * removed again before the walk deletes the user and the group.
 */
type Call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<unknown>;
type Owner = { id: number; uuid: string };

/** A user's caller ids, agent (none: the dissociation is a no-op) and the subscription counts. */
export async function walkUserParts(call: Call, user: Owner): Promise<void> {
  await call('GET', `/users/${user.uuid}/callerids/outgoing`);
  await call('DELETE', `/users/${user.id}/agents`);
  await call('GET', '/users/subscriptions');
}

export async function walkCallPermissions(call: Call, user: Owner, group: Owner): Promise<void> {
  const permission = (await call('POST', '/callpermissions', {
    name: 'no-international',
    password: '1234',
    mode: 'deny',
    extensions: ['_00X.', '911'],
    description: 'no calls abroad',
  })) as { id: number };
  const bare = (await call('POST', '/callpermissions', { name: 'bare' })) as { id: number };
  await call('PUT', `/users/${user.uuid}/callpermissions/${permission.id}`);
  await call('PUT', `/groups/${group.uuid}/callpermissions/${permission.id}`);
  await call('GET', '/callpermissions?recurse=true');
  await call('GET', `/callpermissions/${permission.id}`);
  await call('PUT', `/groups/${group.uuid}/members/extensions`, {
    extensions: [
      { exten: '1001', context: 'default' },
      { exten: '9000', context: 'default', priority: 5 },
    ],
  });
  await call('GET', `/users/${user.uuid}`);
  await call('GET', `/groups/${group.uuid}`);
  await call('PUT', `/callpermissions/${permission.id}`, { password: null, enabled: false });
  await call('DELETE', `/users/${user.id}/callpermissions/${permission.id}`);
  await call('DELETE', `/groups/${group.id}/callpermissions/${permission.id}`);
  for (const id of [permission.id, bare.id]) await call('DELETE', `/callpermissions/${id}`);
}

/** An extension created on a line without one (`POST /lines/{id}/extensions`), then removed again. */
export async function walkLineExtensionCreate(call: Call, lineId: number, context: string): Promise<void> {
  const extension = (await call('POST', `/lines/${lineId}/extensions`, { exten: '1003', context })) as {
    id: number;
  };
  await call('DELETE', `/lines/${lineId}/extensions/${extension.id}`);
  await call('DELETE', `/extensions/${extension.id}`);
}

/**
 * A call filter with a recipient, a surrogate, a fallback and a bsfilter key to the surrogate's
 * member, read through every route, then removed (the key goes with the filter).
 */
export async function walkCallFilters(call: Call, boss: Owner, secretary: Owner): Promise<void> {
  const filter = (await call('POST', '/callfilters', {
    name: 'boss',
    strategy: 'all-recipients-then-linear-surrogates',
    source: 'external',
    surrogates_timeout: 20,
    caller_id_mode: 'prepend',
    caller_id_name: 'filtered',
    description: 'screened calls',
  })) as { id: number };
  const url = `/callfilters/${filter.id}`;
  await call('PUT', `${url}/recipients/users`, { users: [{ uuid: boss.uuid, timeout: 10 }] });
  await call('PUT', `${url}/surrogates/users`, { users: [{ uuid: secretary.uuid }] });
  await call('PUT', `${url}/fallbacks`, { noanswer_destination: { type: 'user', user_id: boss.id } });
  await call('PUT', url, { enabled: false });
  const read = (await call('GET', url)) as { surrogates: { users: { member_id: number }[] } };
  const memberId = read.surrogates.users[0]!.member_id;
  await call('PUT', `/users/${secretary.id}/funckeys/9`, {
    destination: { type: 'bsfilter', filter_member_id: memberId },
  });
  for (const path of ['/callfilters', `${url}/fallbacks`, `/users/${secretary.id}/funckeys/9`])
    await call('GET', path);
  await call('DELETE', url);
}
