import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import { UnitStore } from '../units/store.js';
import { issueKioskKey, listKioskKeys, revokeKioskKey } from './kiosk.js';

/** `sipas-server` sub-commands of the surveys capability. */
export const surveyCommands: Commands = {
  'kiosk-key': command({
    summary: "Issue, list or revoke the kiosk keys that lift the per-IP limit for a unit's counter devices.",
    usage: '--unit <unit> (--label "Quầy 1" | --list | --revoke <id>)',
    options: {
      unit: UNIT,
      label: { kind: 'value', hint: '<label>', summary: 'Issue a key for this device (default "kiosk")' },
      list: { kind: 'flag', summary: "List the unit's keys" },
      revoke: { kind: 'value', hint: '<id>', summary: 'Revoke a key' },
    },
    run: async ({ options }) => {
      if ([options.label !== undefined, options.list, options.revoke !== undefined].filter(Boolean).length > 1) {
        throw new UsageError('Chọn một trong --label, --list, --revoke (one of them).');
      }
      const unit = options.unit!;
      return withDatabase(async (db) => {
        if (!(await new UnitStore(db).get(unit))) {
          console.error(`There is no unit "${unit}".`);
          return 1;
        }
        if (options.list) {
          for (const key of await listKioskKeys(db, unit)) console.log(`${key.id}  ${key.createdAt}  ${key.label}`);
        } else if (options.revoke !== undefined) {
          const revoked = (await revokeKioskKey(db, unit, options.revoke)) !== undefined;
          console.log(revoked ? `Kiosk key ${options.revoke} revoked.` : `No kiosk key ${options.revoke} for ${unit}.`);
          if (!revoked) return 1;
        } else {
          const key = await issueKioskKey(db, unit, options.label ?? 'kiosk');
          console.log(`Kiosk key for ${unit} (shown once, keep it on the device only):\n${key}`);
        }
        return 0;
      });
    },
  }),
};
