/**
 * App configuration (Scaffold-ETH's scaffold.config habit): target chain, RPC, polling, log paging,
 * optional WalletConnect. Values come from NEXT_PUBLIC_* variables at build time, with local defaults.
 */
export const appConfig = {
  /** The chain the dashboard reads when no wallet is connected (and asks wallets to switch to). */
  targetChainId: Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? 31337),
  /** JSON-RPC endpoint of the target chain. */
  rpcUrl: process.env.NEXT_PUBLIC_RPC_URL ?? "http://127.0.0.1:8545",
  /** Milliseconds between polls of the node (block number, health). */
  pollingInterval: 1_000,
  /**
   * Most blocks one eth_getLogs may span when reading history; undefined: the whole range in one request
   * (halved, recursively, when the node refuses it — range or result limits). Set it for nodes known to refuse
   * large ranges, to skip the refused first attempt.
   */
  logPageSize: undefined,
  /** Local-wallet mode: offer the node's unlocked test accounts on these chains. */
  localChainIds: [31337, 1337] as readonly number[],
  /** WalletConnect only when a project id is configured (it calls outside hosts otherwise never). */
  walletConnectProjectId: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || undefined,
} as const satisfies {
  targetChainId: number;
  rpcUrl: string;
  pollingInterval: number;
  logPageSize: bigint | undefined;
  localChainIds: readonly number[];
  walletConnectProjectId: string | undefined;
};

export const isLocalChain = (chainId: number | undefined): boolean =>
  chainId !== undefined && appConfig.localChainIds.includes(chainId);
