"use client";
/** Components with their primary, current and substitute suppliers (substitutes highlighted when active,
 * listings their suppliers have not accepted marked). */
import Link from "next/link";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { DocumentText } from "@/components/DocumentText";
import { Badge, Empty } from "@/components/ui";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import type { ComponentState, ListingStatus } from "@/lib/components";
import { isDisruptedIn, type SupplierState } from "@/lib/suppliers";

export function ComponentsTable({
  components,
  states,
  token,
  showProject = false,
}: {
  components: readonly ComponentState[];
  states: Map<string, SupplierState>;
  token?: `0x${string}`;
  showProject?: boolean;
}) {
  const t = useT();
  if (components.length === 0) return <Empty>{t("common.none")}</Empty>;
  const disrupted = (a: string) => isDisruptedIn(states, a);
  return (
    <table className="data" data-testid="components-table">
      <thead>
        <tr>
          {showProject && <th>{t("common.project")}</th>}
          <th>{t("supply.component")}</th>
          <th>{t("supply.primary")}</th>
          <th>{t("supply.current")}</th>
          <th>{t("supply.substitutes")}</th>
        </tr>
      </thead>
      <tbody>
        {components.map((c) => {
          const switched = !sameAddress(c.current, c.primary);
          return (
            <tr
              key={`${c.projectId}:${c.componentId}`}
              data-testid="component-row"
              data-component={`${c.projectId}:${c.componentId}`}
              data-switched={String(switched)}
            >
              {showProject && (
                <td>
                  <Link href={`/projects/${c.projectId}`}>#{c.projectId.toString()}</Link>
                </td>
              )}
              <td>
                <div className="num">#{c.componentId.toString()}</div>
                {c.metadataHash && (
                  <div className="muted">
                    <DocumentText hash={c.metadataHash} testId="component-spec" />
                  </div>
                )}
              </td>
              <td>
                <Address address={c.primary} />{" "}
                {disrupted(c.primary) && <Badge tone="negative">{t("supply.disrupted")}</Badge>}
                <ListingBadge status={c.listings[0]?.status} />
              </td>
              <td>
                <Address address={c.current} /> {switched && <Badge tone="warn">{t("common.substitute")}</Badge>}
              </td>
              <td>
                {c.substitutes.map((s, i) => (
                  <div key={s.supplier}>
                    <Address address={s.supplier} copy={false} /> · <span className="muted">{t("supply.advance")}</span>{" "}
                    <Amount value={s.advance} token={token} />
                    {disrupted(s.supplier) && (
                      <>
                        {" "}
                        <Badge tone="negative">{t("supply.disrupted")}</Badge>
                      </>
                    )}
                    <ListingBadge status={c.listings[i + 1]?.status} />
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A listing its supplier has not accepted (or has left) is not financed by the pool: say so beside it. */
function ListingBadge({ status }: { status: ListingStatus | undefined }) {
  const t = useT();
  if (status === "pending")
    return (
      <>
        {" "}
        <Badge tone="warn">
          <span data-testid="listing-pending">{t("supply.awaitsAcceptance")}</span>
        </Badge>
      </>
    );
  if (status === "closed")
    return (
      <>
        {" "}
        <Badge>{t("supply.listingClosed")}</Badge>
      </>
    );
  return null;
}
