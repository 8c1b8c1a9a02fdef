import { spawn, type ChildProcess } from "node:child_process";

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  port: number;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
};

/** `npx tansiq serve` in a child process; resolves once it listens, rejects if it exits first. */
export function serveProcess(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["bin/tansiq.js", "serve"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve did not start in ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tansiq is running: (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!.replace("localhost", "127.0.0.1").replace(/\/$/, "");
      resolve({
        child,
        url,
        port: Number(new URL(url).port),
        exited,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${output}`));
    });
  });
}
