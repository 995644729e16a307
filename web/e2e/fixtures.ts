/**
 * Test fixture: an injected wallet that is real EIP-1193 + EIP-6963 from the page's point of view.
 * `page.addInitScript` installs `window.ethereum` and announces it via `eip6963:announceProvider`;
 * every request is forwarded (through `page.exposeFunction`) to the local node's JSON-RPC, which signs
 * with its unlocked accounts. Nothing of the app is mocked.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const RPC_URL = process.env.E2E_RPC_URL ?? "http://127.0.0.1:8545";

export interface InjectedWallet {
  /** Selects the account the wallet exposes (announces accountsChanged). */
  useAccount(address: string): Promise<void>;
  /** Unlocked accounts of the node. */
  nodeAccounts(): Promise<string[]>;
  /** Moves the wallet to another network (hex chain id), as a user would in the wallet; announces chainChanged. */
  useChain(chainId: string): Promise<void>;
  /** The wallet's current network (hex chain id). */
  chainId(): Promise<string>;
}

let id = 0;
export async function rpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (body.error) throw Object.assign(new Error(body.error.message), body.error);
  return body.result as T;
}

async function installWallet(page: Page, initialAccount?: string): Promise<InjectedWallet> {
  await page.exposeFunction("__e2eWalletRpc", async (method: string, params: unknown[]) => {
    try {
      return { result: await rpc(method, params) };
    } catch (e) {
      const err = e as { code?: number; message?: string; data?: unknown };
      return { error: { code: err.code ?? -32603, message: err.message ?? String(e), data: err.data } };
    }
  });
  await page.addInitScript(
    ({ account }) => {
      type Listener = (...args: unknown[]) => void;
      const listeners = new Map<string, Set<Listener>>();
      // Like a real wallet, it remembers the selected account and the site's permission across reloads
      // (per tab: sessionStorage), so wagmi reconnects after a navigation.
      const KEY = "__e2eWallet";
      const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as {
        account?: string;
        connected?: boolean;
        chainId?: string;
      } | null;
      const state = {
        account: (saved?.account ?? account) as string | undefined,
        connected: saved?.connected ?? false,
        // The network the wallet is on (hex); undefined = the node's own chain.
        chainId: saved?.chainId as string | undefined,
      };
      const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));
      const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((fn) => fn(...args));
      const forward = async (method: string, params: unknown[]) => {
        const r = await (
          window as unknown as {
            __e2eWalletRpc: (
              m: string,
              p: unknown[],
            ) => Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }>;
          }
        ).__e2eWalletRpc(method, params);
        if (r.error) throw Object.assign(new Error(r.error.message), r.error);
        return r.result;
      };
      const provider = {
        isE2EWallet: true,
        async request({ method, params }: { method: string; params?: unknown[] }) {
          switch (method) {
            case "eth_requestAccounts":
              if (!state.account) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
              state.connected = true;
              save();
              return [state.account];
            case "eth_accounts":
              return state.connected && state.account ? [state.account] : [];
            case "wallet_requestPermissions":
              state.connected = true;
              save();
              return [{ parentCapability: "eth_accounts" }];
            case "wallet_revokePermissions":
              state.connected = false;
              save();
              return null;
            case "eth_chainId":
              return state.chainId ?? forward(method, []);
            case "wallet_switchEthereumChain": {
              const [{ chainId }] = (params ?? []) as [{ chainId: string }];
              state.chainId = chainId;
              save();
              emit("chainChanged", chainId);
              return null;
            }
            case "wallet_addEthereumChain":
              return null;
            case "eth_sendTransaction": {
              const [tx] = (params ?? []) as [Record<string, unknown>];
              return forward(method, [{ ...tx, from: tx.from ?? state.account }]);
            }
            default:
              return forward(method, params ?? []);
          }
        },
        on(event: string, fn: Listener) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(fn);
        },
        removeListener(event: string, fn: Listener) {
          listeners.get(event)?.delete(fn);
        },
      };
      (window as unknown as { ethereum: unknown }).ethereum = provider;
      (window as unknown as { __e2eSetChain: (c: string) => void }).__e2eSetChain = (c: string) => {
        state.chainId = c;
        save();
        emit("chainChanged", c);
      };
      (window as unknown as { __e2eSetAccount: (a: string) => void }).__e2eSetAccount = (a: string) => {
        state.account = a;
        save();
        if (state.connected) emit("accountsChanged", [a]);
      };
      const info = {
        uuid: "00000000-0000-4000-8000-00000000e2e0",
        name: "E2E Test Wallet",
        icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16'/%3E",
        rdns: "dev.rdcf.e2e",
      };
      const announce = () =>
        window.dispatchEvent(
          new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }),
        );
      window.addEventListener("eip6963:requestProvider", announce);
      announce();
    },
    { account: initialAccount },
  );
  return {
    async useAccount(address: string) {
      await page.evaluate(
        (a) => (window as unknown as { __e2eSetAccount: (x: string) => void }).__e2eSetAccount(a),
        address,
      );
    },
    nodeAccounts: () => rpc<string[]>("eth_accounts"),
    async useChain(chainId: string) {
      await page.evaluate(
        (c) => (window as unknown as { __e2eSetChain: (x: string) => void }).__e2eSetChain(c),
        chainId,
      );
    },
    chainId: () =>
      page.evaluate(() =>
        (window as unknown as { ethereum: { request(a: { method: string }): Promise<string> } }).ethereum.request({
          method: "eth_chainId",
        }),
      ),
  };
}

export const test = base.extend<{ wallet: InjectedWallet }>({
  wallet: async ({ page }, use) => {
    const accounts = await rpc<string[]>("eth_accounts").catch(() => [] as string[]);
    await use(await installWallet(page, accounts[0]));
  },
});

export { expect };

/** Connects the injected wallet as `account` (first time through the connect menu, then by switching). */
export async function connectAs(page: Page, wallet: InjectedWallet, account: string): Promise<void> {
  await wallet.useAccount(account);
  const connect = page.getByTestId("connect-button");
  const shown = page.getByTestId("wallet-account");
  await expect(connect.or(shown)).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    await page.getByTestId("wallet-menu").getByText("E2E Test Wallet").click();
  }
  await expect(shown).toHaveAttribute("data-address", account.toLowerCase());
}
