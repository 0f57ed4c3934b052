import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors.js';
import { formatSignerKey, formatVerifierKey, generateWitnessSigner, parseSignerKey } from './cosignature.js';
import { runWitnessRound, type WitnessRound } from './run-witness.js';

// `liuhen witness …`: what a supervising body (e.g. 南阳市司法局) runs on its own machine against
// a Liuhen deployment. Exit codes: 0 cosigned (with --once), 1 an error (network, files),
// 3 an ALARM — the log is not consistent with what this witness saw before; nothing was cosigned.

export const WITNESS_ALARM_EXIT = 3;

function describe(round: Extract<WitnessRound, { outcome: 'cosigned' }>) {
  const how = round.firstUse
    ? '首次运行：没有此前的记录可比对，信任当前检查点（首次使用即信任），此后每个检查点都须与它一致'
    : round.grownFrom !== undefined
      ? `已核对与此前所见的 ${round.grownFrom} 条一致`
      : '与此前所见相同';
  return `${new Date().toISOString()} 已联署 ${round.treeSize} 条的检查点（${how}）${round.posted === 'repeated' ? '，平台已有此签名' : ''}`;
}

export function addWitnessCommands(program: Command) {
  const witness = program
    .command('witness')
    .description('日志见证：核对留痕平台的每个新检查点与此前所见一致，然后联署（C2SP tlog-cosignature）；不一致时报警并拒绝联署')
    .option('--url <url>', '留痕平台地址，如 https://liuhen.example.gov.cn')
    .option('--key <file>', '见证方私钥文件（由 liuhen witness keygen 生成）')
    .option('--state <file>', '见证状态文件：记下此前联署的检查点，须保存在见证方自己的机器上')
    .option('--name <name>', '见证方名称（须与私钥文件中的一致）')
    .enablePositionalOptions()
    .option('--once', '只核对并联署一次后退出')
    .option('--interval <seconds>', '持续运行时每隔多少秒核对一次', (v) => Number.parseInt(v, 10), 60)
    .action(async (o: { url?: string; key?: string; state?: string; name?: string; once?: boolean; interval: number }) => {
      if (!o.url || !o.key || !o.state) throw new AppError('VALIDATION_FAILED', '需要 --url、--key 和 --state');
      const signer = parseSignerKey(readFileSync(o.key, 'utf8'));
      if (!signer) throw new AppError('VALIDATION_FAILED', `私钥文件 ${o.key} 格式不正确`);
      if (o.name && o.name !== signer.name) throw new AppError('VALIDATION_FAILED', `--name「${o.name}」与私钥文件中的见证方名称「${signer.name}」不符`);
      for (;;) {
        try {
          const round = await runWitnessRound({ url: o.url, signer, statePath: o.state });
          if (round.outcome === 'alarm') {
            console.error(`【报警】留痕平台 ${o.url} 的日志与本见证方此前所见不一致，已拒绝联署：${round.alarm}。请立即向上级报告并保全本状态文件 ${o.state}。`);
            process.exit(WITNESS_ALARM_EXIT);
          }
          console.log(describe(round));
        } catch (e) {
          console.error(`见证失败：${(e as Error).message}`);
          if (o.once) process.exit(1);
        }
        if (o.once) return;
        await sleep(Math.max(5, o.interval) * 1000);
      }
    });

  witness
    .command('keygen')
    .description('生成见证方密钥：私钥写入文件（仅本人可读），打印公钥交平台管理员登记')
    .requiredOption('--name <name>', '见证方名称，建议用域名形式，如 witness.nanyang.gov.cn/sfj')
    .requiredOption('--out <file>', '私钥文件')
    .action((o: { name: string; out: string }) => {
      if (existsSync(o.out)) throw new AppError('VALIDATION_FAILED', `${o.out} 已存在，不覆盖已有私钥`);
      const signer = generateWitnessSigner(o.name);
      writeFileSync(o.out, `${formatSignerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
      console.log(`私钥已写入 ${o.out}（仅本人可读，勿外传）。请将下面的公钥交平台管理员在“日志见证”中登记：`);
      console.log(formatVerifierKey(signer.name, signer.publicKey));
    });
}
