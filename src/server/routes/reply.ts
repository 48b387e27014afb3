import type { FastifyReply } from 'fastify';

/**
 * 201 Created with what a use case made: `(request, reply) => created(reply, addMember(…))`.
 * The status is set once the value is there, so a refusal keeps its own status; the body goes
 * through the route's 201 schema like any answer.
 */
export async function created<T>(reply: FastifyReply, made: T | Promise<T>): Promise<T> {
  const value = await made;
  reply.code(201);
  return value;
}
