/**
 * A wagmi connector for the local node's unlocked test accounts (Hardhat/Anvil on 31337): an EIP-1193
 * provider that answers account requests with the chosen account and forwards everything else —
 * eth_sendTransaction included — to the node's JSON-RPC, which signs with its unlocked keys.
 * So a demo needs no browser extension. Offered only on local chains.
 */
import { createConnector } from "wagmi";
import { getAddress, numberToHex, type Address } from "viem";
import { appConfig } from "@/config";

const STORAGE_KEY = "rdcf.localAccount";

let rpcId = 0;

/** One JSON-RPC call to `url`; throws an Error carrying the node's `code` and `data` (revert data). */
export async function nodeRpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (body.error) {
    throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
  }
  return body.result as T;
}

/** Selected local account (kept across reloads so wagmi can reconnect). */
export const localAccountStore = {
  get(): Address | undefined {
    if (typeof window === "undefined") return undefined;
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v ? getAddress(v) : undefined;
  },
  set(address: Address | undefined): void {
    if (address) window.localStorage.setItem(STORAGE_KEY, address);
    else window.localStorage.removeItem(STORAGE_KEY);
  },
};

type Listener = (...args: unknown[]) => void;

export function localAccounts(parameters: { rpcUrl?: string } = {}) {
  const url = parameters.rpcUrl ?? appConfig.rpcUrl;
  const listeners = new Map<string, Set<Listener>>();
  let connected = false;

  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const account = localAccountStore.get();
    switch (method) {
      case "eth_accounts":
        return connected && account ? [account] : [];
      case "eth_requestAccounts":
        if (!account) throw Object.assign(new Error("No local account selected"), { code: 4001 });
        return [account];
      case "wallet_switchEthereumChain":
      case "wallet_addEthereumChain":
        // The node has one chain; switching to it is a no-op, to another is refused.
        return null;
      case "eth_sendTransaction": {
        const [tx] = (params ?? []) as [Record<string, unknown>];
        return nodeRpc(url, method, [{ ...tx, from: tx.from ?? account }]);
      }
      default:
        return nodeRpc(url, method, (params ?? []) as unknown[]);
    }
  };

  const provider = {
    request,
    on(event: string, fn: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(fn);
    },
    removeListener(event: string, fn: Listener) {
      listeners.get(event)?.delete(fn);
    },
  };

  return createConnector<typeof provider>((config) => ({
    id: "localAccounts",
    name: "Local test accounts",
    type: "localAccounts",
    async connect({ chainId, withCapabilities } = {}) {
      const accounts = (await request({ method: "eth_requestAccounts" })) as Address[];
      connected = true;
      const current = await this.getChainId();
      if (chainId && chainId !== current) {
        // Nothing to switch: report the node's chain; the UI shows the wrong-network prompt.
      }
      const list = accounts.map((a) => getAddress(a));
      return {
        accounts: (withCapabilities ? list.map((address) => ({ address, capabilities: {} })) : list) as never,
        chainId: current,
      };
    },
    async disconnect() {
      connected = false;
      localAccountStore.set(undefined);
    },
    async getAccounts() {
      const a = localAccountStore.get();
      return connected && a ? [a] : [];
    },
    async getChainId() {
      const hex = await nodeRpc<string>(url, "eth_chainId");
      return Number(hex);
    },
    async getProvider() {
      return provider;
    },
    async isAuthorized() {
      const a = localAccountStore.get();
      if (!a) return false;
      try {
        const nodeAccounts = await nodeRpc<string[]>(url, "eth_accounts");
        connected = nodeAccounts.some((x) => x.toLowerCase() === a.toLowerCase());
        return connected;
      } catch {
        return false;
      }
    },
    async switchChain({ chainId }) {
      const chain = config.chains.find((c) => c.id === chainId);
      if (!chain) throw new Error(`Chain ${chainId} is not configured`);
      await request({ method: "wallet_switchEthereumChain", params: [{ chainId: numberToHex(chainId) }] });
      return chain;
    },
    /** Switches to another local account while connected. */
    onAccountsChanged(accounts) {
      if (accounts.length === 0) this.onDisconnect();
      else config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
    },
    onChainChanged(chain) {
      config.emitter.emit("change", { chainId: Number(chain) });
    },
    onDisconnect() {
      connected = false;
      config.emitter.emit("disconnect");
    },
  }));
}

/** The node's unlocked accounts (empty when the node is down or exposes none). */
export async function fetchNodeAccounts(url = appConfig.rpcUrl): Promise<Address[]> {
  try {
    return (await nodeRpc<string[]>(url, "eth_accounts")).map((a) => getAddress(a));
  } catch {
    return [];
  }
}
