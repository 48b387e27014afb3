import { initAdmin, initSeparated } from '../../app/init.ts';
import { createToken, createUser } from '../../app/users.ts';
import { DomainError } from '../../core/errors.ts';
import { parseRoles, ROLES } from '../../core/permissions.ts';
import { type CliIO, type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, str, withDatabase } from '../runtime.ts';

/** Runs a command's work, turning expected failures into a message and exit code 1. */
async function reportDomainErrors(io: CliIO, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

export const initCommand: Command = {
  usage:
    '--admin NAME [--unit CODE] [--separation [--secadmin NAME] [--auditor NAME]] [--data DIR]',
  options: {
    ...commonOptions,
    admin: { type: 'string' },
    unit: { type: 'string' },
    separation: { type: 'boolean' },
    secadmin: { type: 'string' },
    auditor: { type: 'string' },
  },
  async run({ values }, io) {
    const admin = str(values, 'admin');
    if (!admin) throw new UsageError('缺少 --admin NAME (missing --admin)');
    return withDatabase(configFrom(values, io), (ctx) =>
      reportDomainErrors(io, async () => {
        if (values.separation) {
          const made = await initSeparated(
            ctx,
            {
              admin,
              secadmin: str(values, 'secadmin') ?? 'secadmin',
              auditor: str(values, 'auditor') ?? 'auditor',
            },
            str(values, 'unit'),
          );
          io.out('已启用三权分立 separation of duties is on (系统管理员、安全管理员、审计管理员)');
          io.out(
            '初始密码只显示一次，首次登录须修改 one-time passwords, to be changed at first sign-in:',
          );
          for (const { user, password } of made) {
            io.out(`${user.roles.join(',')}\t${user.username}\t${password}`);
          }
          return 0;
        }
        const { user, password } = await initAdmin(ctx, admin, str(values, 'unit'));
        io.out(
          `已创建管理员 admin created: ${user.username}（请登录后修改密码 change it after signing in）`,
        );
        io.out('初始密码 initial password (shown once):');
        io.out(password!);
        return 0;
      }),
    );
  },
};

export const userAddCommand: Command = {
  usage: `--username NAME --unit CODE --roles ${ROLES.join(',')} [--name 显示名] [--data DIR]`,
  options: {
    ...commonOptions,
    username: { type: 'string' },
    unit: { type: 'string' },
    roles: { type: 'string' },
    name: { type: 'string' },
  },
  async run({ values }, io) {
    const username = str(values, 'username');
    const unit = str(values, 'unit');
    const rolesText = str(values, 'roles') ?? '';
    const roles = parseRoles(rolesText);
    if (!username || !unit) throw new UsageError('需要 --username 和 --unit (both are required)');
    if (roles.length === 0 || roles.length !== rolesText.split(',').length) {
      throw new UsageError(`--roles 只能是 ${ROLES.join(', ')} 中的一个或多个 (comma-separated)`);
    }
    return withDatabase(configFrom(values, io), (ctx) =>
      reportDomainErrors(io, async () => {
        const displayName = str(values, 'name');
        const { user, password } = await createUser(ctx, {
          username,
          unit,
          roles,
          ...(displayName ? { displayName } : {}),
        });
        io.out(`已创建用户 user created: ${user.username} (${user.roles.join(',')})`);
        io.out('初始密码 initial password (shown once):');
        io.out(password!);
        return 0;
      }),
    );
  },
};

export const tokenCreateCommand: Command = {
  usage: '--user NAME [--name LABEL] [--data DIR]',
  options: { ...commonOptions, user: { type: 'string' }, name: { type: 'string' } },
  async run({ values }, io) {
    const user = str(values, 'user');
    if (!user) throw new UsageError('缺少 --user NAME (missing --user)');
    return withDatabase(configFrom(values, io), (ctx) =>
      reportDomainErrors(io, async () => {
        const { token, view } = await createToken(ctx, user, {
          name: str(values, 'name') ?? 'cli',
        });
        io.out(
          `已为 ${user} 创建令牌 token created: ${view.name} (${view.prefix}…); 请求头 use as: Authorization: Bearer <token>`,
        );
        io.out(token);
        return 0;
      }),
    );
  },
};
