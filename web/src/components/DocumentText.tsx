"use client";
/**
 * The document behind a hash the chain stores (project description, component specification, evidence): its
 * text when the deployment publishes it and it hashes to this value, else the shortened hash. The hash is always
 * on hover, for whoever checks the text against the chain.
 */
import { useDeployment } from "@/hooks/useDeployment";
import { shortenAddress } from "@/lib/address";

export function DocumentText({ hash, testId }: { hash: string | undefined; testId?: string }) {
  const { documentOf } = useDeployment();
  if (!hash) return <span>—</span>;
  const text = documentOf(hash);
  return text === undefined ? (
    <span className="mono" title={hash} data-testid={testId}>
      {shortenAddress(hash)}
    </span>
  ) : (
    <span title={hash} data-testid={testId} data-document="verified">
      {text}
    </span>
  );
}
