/**
 * Reading published documents from the node (pure of React; usePublishedDocuments caches it): the
 * `DocumentPublished` logs of our escrow and registry filtered by the indexed hash of one document — a point
 * query on the topic, whatever the history's length — and the first text that hashes to it. A log whose text does
 * not hash to its topic (which our contracts never emit) is ignored, never shown.
 */
import { getAbiItem, type Address, type Client, type Hex } from "viem";
import { getLogs } from "viem/actions";
import { abis } from "@/generated/abis";
import { verifiedText } from "@/lib/documents";

/** The event, declared once in IDocumentPublisher and emitted by the escrow and the registry. */
export const DOCUMENT_PUBLISHED = getAbiItem({ abi: abis.RDEscrow, name: "DocumentPublished" });

/** The verified text published for `hash` by one of `publishers` since `fromBlock`, or undefined when none. */
export async function readPublishedText(
  client: Client,
  publishers: readonly Address[],
  hash: Hex,
  fromBlock: bigint,
): Promise<string | undefined> {
  const logs = await getLogs(client, {
    address: [...publishers],
    event: DOCUMENT_PUBLISHED,
    args: { documentHash: hash },
    fromBlock,
    toBlock: "latest",
  });
  return verifiedText(
    hash,
    logs.flatMap((log) =>
      log.args.documentHash !== undefined && log.args.text !== undefined
        ? [{ documentHash: log.args.documentHash, text: log.args.text }]
        : [],
    ),
  );
}
