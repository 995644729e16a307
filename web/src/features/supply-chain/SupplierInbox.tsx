"use client";
/**
 * The connected supplier's inbox: every listing that names it (as primary or substitute of a component), pending
 * ones with Accept / Decline, accepted ones with the time from which the pool may finance them and Leave. A listing
 * counts only once its supplier accepted it (SupplyChainRegistry). An account that is not registered yet can
 * register itself here (only a supplier writes its own record).
 */
import Link from "next/link";
import { useState } from "react";
import { toHex } from "viem";
import { Amount } from "@/components/Amount";
import { DocumentText } from "@/components/DocumentText";
import { Badge, Empty, Notice, Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import type { InboxListing } from "@/lib/components";
import { documentArgs, documentSendable, type Visibility } from "@/lib/documents";
import { DocumentField } from "@/features/actions/DocumentField";
import { formatTimestamp } from "@/lib/format";

export function SupplierInbox({
  listings: mine,
  registered,
}: {
  /** The connected account's listings with their components (hooks/useSupplyChain.ts useSupplierInbox). */
  listings: readonly InboxListing[];
  /** Whether the connected account registered itself as a supplier. */
  registered: boolean;
}) {
  const t = useT();
  const account = useConnectedAccount();
  const { write, isPending } = useWriteFlow();
  if (!account) return null;
  return (
    <Section title={t("inbox.title")} testId="supplier-inbox">
      {!registered && <RegisterForm />}
      {mine.length === 0 ? (
        <Empty>{t("inbox.none")}</Empty>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t("supply.component")}</th>
              <th>{t("inbox.role")}</th>
              <th className="right">{t("supply.advance")}</th>
              <th>{t("supply.state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mine.map(({ component: c, position, listing, advance }) => {
              const args = [c.projectId, c.componentId] as const;
              const key = `${c.projectId}:${c.componentId}`;
              return (
                <tr
                  key={`${key}:${position}`}
                  data-testid="inbox-row"
                  data-component={key}
                  data-status={listing.status}
                >
                  <td>
                    <Link href={`/projects/${c.projectId}`}>#{c.projectId.toString()}</Link> / #
                    {c.componentId.toString()}
                    {c.metadataHash && (
                      <div className="muted">
                        <DocumentText hash={c.metadataHash} />
                      </div>
                    )}
                  </td>
                  <td>{position === 0 ? t("supply.primary") : t("inbox.substitute", { n: position })}</td>
                  <td className="right num">{position === 0 ? "—" : <Amount value={advance} />}</td>
                  <td>
                    {listing.status === "pending" && <Badge tone="warn">{t("inbox.pending")}</Badge>}
                    {listing.status === "accepted" && (
                      <Badge tone="positive">
                        {t("inbox.accepted", { date: formatTimestamp(listing.eligibleFrom) })}
                      </Badge>
                    )}
                    {listing.status === "closed" && <Badge tone="neutral">{t("inbox.closed")}</Badge>}
                  </td>
                  <td className="right">
                    {listing.status === "pending" && (
                      <button
                        type="button"
                        disabled={isPending}
                        data-testid="inbox-accept"
                        onClick={() =>
                          void write({
                            contract: "SupplyChainRegistry",
                            functionName: "acceptListing",
                            args,
                            label: t("inbox.accept"),
                          })
                        }
                      >
                        {t("inbox.accept")}
                      </button>
                    )}{" "}
                    {listing.status !== "closed" && (
                      <button
                        type="button"
                        disabled={isPending}
                        data-testid="inbox-leave"
                        onClick={() =>
                          void write({
                            contract: "SupplyChainRegistry",
                            functionName: "leaveListing",
                            args,
                            label: listing.status === "pending" ? t("inbox.decline") : t("inbox.leave"),
                          })
                        }
                      >
                        {listing.status === "pending" ? t("inbox.decline") : t("inbox.leave")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The connected account registers itself as a supplier (its name published or private, ISO region). */
function RegisterForm() {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [name, setName] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("publish");
  const [region, setRegion] = useState("CN");
  return (
    <Notice testId="inbox-register">
      {t("inbox.notRegistered")}
      <div className="formRow">
        <DocumentField
          label={t("firmForms.supplierName")}
          value={name}
          onChange={setName}
          visibility={visibility}
          onVisibility={setVisibility}
          size={24}
          testId="inbox-name"
        />
        <label>
          {t("supply.region")}
          <input value={region} onChange={(e) => setRegion(e.target.value.toUpperCase().slice(0, 2))} size={3} />
        </label>
        <button
          type="button"
          disabled={isPending || !documentSendable(name, visibility) || !/^[A-Z]{2}$/.test(region)}
          data-testid="inbox-register-submit"
          onClick={() =>
            void write({
              contract: "SupplyChainRegistry",
              functionName: "registerSupplier",
              args: [...documentArgs(name, visibility), toHex(region, { size: 2 })],
              label: t("inbox.register"),
            })
          }
        >
          {t("inbox.register")}
        </button>
      </div>
    </Notice>
  );
}
