/**
 * App configuration (Scaffold-ETH's scaffold.config habit): target chain, RPC, indexer, polling, lag threshold,
 * optional WalletConnect. Values come from NEXT_PUBLIC_* variables at build time, with local defaults.
 */
export const appConfig = {
  /** The chain the dashboard reads when no wallet is connected (and asks wallets to switch to). */
  targetChainId: Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? 31337),
  /** JSON-RPC endpoint of the target chain. */
  rpcUrl: process.env.NEXT_PUBLIC_RPC_URL ?? "http://127.0.0.1:8545",
  /** The indexer's HTTP API (indexer/: GraphQL and /status), the only source of history and aggregates. */
  indexerUrl: process.env.NEXT_PUBLIC_INDEXER_URL ?? "http://127.0.0.1:42069",
  /** Milliseconds between polls of the node (block number, health) and of the indexer's /status. */
  pollingInterval: 1_000,
  /** Blocks the indexer may trail the node before every page's freshness line turns amber. */
  indexerLagWarnBlocks: Number(process.env.NEXT_PUBLIC_INDEXER_LAG_WARN_BLOCKS ?? 5),
  /** Local-wallet mode: offer the node's unlocked test accounts on these chains. */
  localChainIds: [31337, 1337] as readonly number[],
  /** WalletConnect only when a project id is configured (it calls outside hosts otherwise never). */
  walletConnectProjectId: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || undefined,
} as const satisfies {
  targetChainId: number;
  rpcUrl: string;
  indexerUrl: string;
  pollingInterval: number;
  indexerLagWarnBlocks: number;
  localChainIds: readonly number[];
  walletConnectProjectId: string | undefined;
};

export const isLocalChain = (chainId: number | undefined): boolean =>
  chainId !== undefined && appConfig.localChainIds.includes(chainId);
