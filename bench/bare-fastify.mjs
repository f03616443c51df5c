// The framework's ceiling: a bare Fastify route that parses the same JSON and answers 201.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
app.post('/v1/surveys', async (request, reply) => reply.status(201).send({ id: request.body?.id ?? null }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`bare fastify ${address}`);
