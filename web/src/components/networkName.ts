/** A network as a person reads it: a local development chain by what it is, any other by its own name. */
import { isLocalChain } from "@/config";
import type { Translate } from "@/i18n";

export function networkName(chainId: number | undefined, name: string | undefined, t: Translate): string {
  if (chainId === undefined) return "";
  if (isLocalChain(chainId)) return t("wallet.localChain");
  return name ?? t("wallet.chain", { chainId });
}
