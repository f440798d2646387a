// A team in git: 10 annotators x 50 shards, each on a branch of their own,
// integrated by merges and by rebases, in two rounds. Per-annotator log files
// mean no conflict ever; replay after it all holds every event exactly once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AnnotationLog } from '../../../src/core/annotations/log';
import { replayLogs } from '../../../src/core/annotations/merge';
import { makeTempDir } from './temp';

const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const ANNOTATORS = Array.from({ length: 10 }, (_, i) => `annotator-${i}`);
const SHARDS = Array.from({ length: 50 }, (_, i) => `music-${String(i + 1).padStart(3, '0')}.shard.jsonl`);
/** Each annotator works on 10 shards; neighbours overlap, so most shards get several people's logs. */
const shardsOf = (who: number): string[] => Array.from({ length: 10 }, (_, k) => SHARDS[(who * 5 + k) % SHARDS.length]);

test(
  '10 annotators x 50 shards: merges and rebases never conflict; replay holds every event once',
  { skip: hasGit ? false : 'git not installed' },
  async (t) => {
    const repo = makeTempDir(t, 'imagery-team-');
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    // A conflict (or any git failure) makes execFileSync throw, failing the test.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Team');
    git('config', 'user.email', 'team@example.invalid');
    for (const shard of SHARDS) writeFileSync(path.join(repo, shard), '{"synthetic": true}\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'shards');

    /** Event ids written, per shard file: what replay must hold, once each. */
    const written = new Map<string, string[]>(SHARDS.map((shard) => [shard, []]));
    const work = async (who: number, round: number): Promise<void> => {
      for (const shard of shardsOf(who)) {
        const log = AnnotationLog.open(path.join(repo, shard), ANNOTATORS[who]);
        const events = await log.append(
          { type: 'note', request: `r${who}`, text: `round ${round} by ${ANNOTATORS[who]}` },
          { type: 'validity', request: `r${round}`, verdict: 'invalid', reason: 'Other' },
        );
        written.get(shard)?.push(...events.map((event) => event.id));
      }
      git('add', '-A');
      git('commit', '-q', '-m', `${ANNOTATORS[who]}: round ${round}`);
    };

    for (const round of [1, 2]) {
      // Everyone branches from (round 2: continues on top of) their branch, while main moves on.
      for (let who = 0; who < ANNOTATORS.length; who++) {
        if (round === 1) git('checkout', '-q', '-b', ANNOTATORS[who], 'main');
        else git('checkout', '-q', ANNOTATORS[who]);
        await work(who, round);
      }
      git('checkout', '-q', 'main');
      for (let who = 0; who < ANNOTATORS.length; who++) {
        if (who % 2 === 0) {
          git('merge', '-q', '--no-edit', ANNOTATORS[who]);
        } else {
          git('checkout', '-q', ANNOTATORS[who]);
          git('rebase', '-q', 'main');
          git('checkout', '-q', 'main');
          git('merge', '-q', '--ff-only', ANNOTATORS[who]);
        }
        assert.equal(git('status', '--porcelain'), '', `after integrating ${ANNOTATORS[who]} in round ${round}`);
      }
    }

    let total = 0;
    for (const shard of SHARDS) {
      const { perFile, events, warnings } = await AnnotationLog.readAll(path.join(repo, shard));
      assert.deepEqual(warnings, [], shard);
      const ids = events.map((event) => event.id);
      assert.equal(new Set(ids).size, ids.length, `${shard}: an event appears twice`);
      assert.deepEqual([...ids].sort(), [...(written.get(shard) ?? [])].sort(), `${shard}: events lost or invented`);
      total += ids.length;
      // Each annotator's notes for this shard, both rounds, in their order.
      const state = replayLogs(perFile);
      for (let who = 0; who < ANNOTATORS.length; who++) {
        if (!shardsOf(who).includes(shard)) continue;
        assert.deepEqual(
          state
            .get(`r${who}`)
            ?.notes.filter((note) => note.text.endsWith(ANNOTATORS[who]))
            .map((note) => note.text),
          [`round 1 by ${ANNOTATORS[who]}`, `round 2 by ${ANNOTATORS[who]}`],
          `${shard}, ${ANNOTATORS[who]}`,
        );
      }
    }
    assert.equal(total, ANNOTATORS.length * 10 * 2 * 2);
  },
);
