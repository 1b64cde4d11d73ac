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
