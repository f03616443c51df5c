import type { ConsistencyProof, InclusionProof } from '@sipas/schema';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { notFound, ProblemError } from '../http/problem.js';
import { handle } from '../http/route.js';
import { BallotBox } from './box.js';
import { acceptCosignature, cosignatureLines } from './cosignatures.js';
import { exportLogText } from './export.js';
import { listOpenings, openBallotBox } from './openings.js';

/** The log routes of the contract (@sipas/schema api/log.ts). */
export async function registerLogRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Made here so the key exists from the first start, before any response arrives.
  const box = BallotBox.open(ctx.config, ctx.db, (message) => ctx.log.warn(message));
  if (box.signer.created) ctx.log.info(`ballot-box signing key created at ${box.signer.path}; back it up`);

  handle(app, ctx, 'GET', '/v1/units/:unit/log/checkpoint', async ({ unit, query, reply }) => {
    const head = await box.head(unit.id);
    const size = query.size === undefined ? head.size : Number(query.size);
    if (!Number.isSafeInteger(size) || size > head.size) {
      throw notFound(`Hòm phiếu chưa có điểm kiểm tra cỡ ${query.size} (hiện có ${head.size} phiếu).`, 'checkpoint_not_found');
    }
    const checkpoint = await box.checkpoint(unit.id, size);
    // The witnesses' cosignatures of this very checkpoint follow the log's own signature.
    const note = checkpoint.note + (await cosignatureLines(box, unit, checkpoint.size, checkpoint.root));
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(note);
  });

  handle(app, ctx, 'POST', '/v1/units/:unit/log/cosignatures', async ({ unit, body, request, reply }) => {
    await ctx.rateLimiter.hit(`ip:${request.ip}`, ctx.config.rateLimitPerMinute);
    const { cosignature, created } = await acceptCosignature(box, unit, body);
    if (created) ctx.log.info({ unit: unit.id, witness: cosignature.witness, size: cosignature.size }, 'witness cosignature received');
    return reply.status(created ? 201 : 200).header('cache-control', 'no-store').send(cosignature);
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/log/key', async ({ unit, reply }) => {
    return reply.header('cache-control', 'public, max-age=300').send(box.key(unit.id));
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/log/proof', async ({ unit, query, reply }): Promise<InclusionProof> => {
    const leaf = Number(query.leaf);
    const checkpoint = await box.checkpoint(unit.id);
    if (!Number.isSafeInteger(leaf) || leaf >= checkpoint.size) {
      throw notFound(`Hòm phiếu chưa có lá số ${query.leaf} (hiện có ${checkpoint.size} phiếu).`, 'leaf_not_found');
    }
    const tree = box.tree(unit.id);
    const leafHash = await tree.hash(leaf, leaf + 1);
    reply.header('cache-control', 'no-cache');
    return {
      unit: unit.id,
      leaf,
      size: checkpoint.size,
      leafHash,
      proof: await tree.inclusion(leaf, 0, checkpoint.size),
      checkpoint: checkpoint.note,
    };
  });

  handle(app, ctx, 'GET', '/v1/units/:unit/log/consistency', async ({ unit, query, reply }): Promise<ConsistencyProof> => {
    const head = await box.head(unit.id);
    const from = Number(query.from);
    const to = query.to === undefined ? head.size : Number(query.to);
    if (!(from <= to && to <= head.size)) {
      throw new ProblemError(400, 'Cỡ cây không hợp lệ.', {
        code: 'invalid_sizes',
        detail: `Cần 0 ≤ from ≤ to ≤ ${head.size} (số phiếu hiện có); nhận from=${query.from}, to=${query.to ?? head.size}.`,
        errors: [{ path: from > to ? 'from' : 'to', code: 'out_of_range', message: `Phải trong khoảng 0–${head.size}.` }],
      });
    }
    reply.header('cache-control', 'no-cache');
    const checkpoint = to === head.size ? await box.checkpoint(unit.id, to) : undefined;
    return {
      unit: unit.id,
      from,
      to,
      proof: await box.tree(unit.id).consistency(from, to),
      ...(checkpoint ? { checkpoint: checkpoint.note } : {}),
    };
  });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/log/export', async ({ unit, reply }) => {
    const text = await exportLogText(box, unit.id);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="hom-phieu-${unit.id}-${day}.jsonl"`)
      .send(text);
  });

  handle(app, ctx, 'POST', '/v1/staff/units/:unit/log/openings', async ({ unit, staff, body, reply }) => {
    const opening = await openBallotBox(box, unit, staff, body);
    ctx.log.info({ unit: unit.id, opening: opening.number, size: opening.checkpoint.size, by: staff.id }, 'ballot box opened');
    return reply.status(201).header('cache-control', 'no-store').send(opening);
  });

  handle(app, ctx, 'GET', '/v1/staff/units/:unit/log/openings', async ({ unit, reply }) => {
    reply.header('cache-control', 'no-store');
    return { openings: await listOpenings(box, unit.id) };
  });

}
