/** The logger the core is given; the CLI writes to stderr, tests collect lines. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createStderrLogger(quiet = false): Logger {
  const write = (level: string, message: string) => process.stderr.write(`${level}: ${message}\n`);
  return {
    info: (message) => {
      if (!quiet) write('info', message);
    },
    warn: (message) => write('warning', message),
    error: (message) => write('error', message),
  };
}

/** Keeps messages in memory, for tests and for the host that forwards them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warning: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}
