/**
 * Feature extensions (`/extensions/features`): the system's star codes (`*25` do not disturb,
 * `_*21.` unconditional forward...), one row per feature, each exten once. They belong to no
 * tenant and are only read and edited (no create or delete), so this migration seeds the rows
 * Wazo's database is created with, with Wazo's extens and enabled flags.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE feature_extension (
      uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enabled boolean NOT NULL DEFAULT true,
      exten varchar(40) NOT NULL CONSTRAINT feature_extension_exten_key UNIQUE,
      feature varchar(255) NOT NULL
    );
    INSERT INTO feature_extension (enabled, exten, feature) VALUES
      (true,'_*31.','agentstaticlogin'),
      (true,'_*32.','agentstaticlogoff'),
      (true,'_*30.','agentstaticlogtoggle'),
      (true,'_*37.','bsfilter'),
      (false,'*34','calllistening'),
      (false,'*26','callrecord'),
      (true,'*36','directoryaccess'),
      (true,'*25','enablednd'),
      (true,'*90','enablevm'),
      (true,'_*90.','enablevmslt'),
      (true,'_*23.','fwdbusy'),
      (true,'_*22.','fwdrna'),
      (true,'_*21.','fwdunc'),
      (true,'*20','fwdundoall'),
      (true,'*48378','autoprov'),
      (true,'*27','incallfilter'),
      (true,'*10','phonestatus'),
      (true,'_*735.','phoneprogfunckey'),
      (false,'_*8.','pickup'),
      (true,'*9','recsnd'),
      (true,'_*99.','vmboxmsgslt'),
      (false,'_*93.','vmboxpurgeslt'),
      (true,'_*97.','vmboxslt'),
      (true,'*98','vmusermsg'),
      (false,'*92','vmuserpurge'),
      (false,'_*92.','vmuserpurgeslt'),
      (true,'_*96.','vmuserslt'),
      (true,'_*11.','paging'),
      (true,'*40','cctoggle'),
      (true,'_*41.','meetingjoin'),
      (true,'_*50.','groupmembertoggle'),
      (true,'_*51.','groupmemberjoin'),
      (true,'_*52.','groupmemberleave');
  `.execute(db);
}
