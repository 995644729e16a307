"use client";
/** Supply chain: the connected supplier's listings to accept or decline, supplier states (healthy/disrupted,
 * since when, evidence), components, reports, substitute financings, advances owed to substitutes (Claim), the
 * tokens pools may hold, and on local chains a reporter console. Every list is a page or a scoped read of the
 * indexer's tables (hooks/useSupplyChain.ts), never the whole history. */
import { useCallback, useState } from "react";
import { PageHeader, Section } from "@/components/ui";
import { isLocalChain } from "@/config";
import { useDeployment } from "@/hooks/useDeployment";
import { useAggregates } from "@/hooks/useIndexer";
import { usePagedEvents } from "@/hooks/useIndexedEvents";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import {
  useComponentPage,
  useSkipPage,
  useSupplierInbox,
  useSupplierPage,
  useUndeliveredConfirmations,
} from "@/hooks/useSupplyChain";
import { useT } from "@/i18n";
import { anyEvent, eventsOfKind, projectIdOf, type ChainEvent } from "@/lib/events";
import { pageCount } from "@/lib/paging";
import { EventTable } from "@/features/events/EventTable";
import { FinancingsTable } from "@/features/events/FinancingsTable";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { Pager } from "@/features/events/Pager";
import { ComponentsTable } from "./ComponentsTable";
import { ReporterConsole } from "./ReporterConsole";
import { FailoverFollowUp } from "./FailoverFollowUp";
import { SupplierInbox } from "./SupplierInbox";
import { SuppliersTable } from "./SuppliersTable";
import { OwedAdvances } from "./OwedAdvances";
import { ProjectTokenList } from "./ProjectTokenList";
import { Known } from "./Known";

/** Rows per page of each list. */
const PAGE = 20;

const ORACLE_EVENTS = {
  contract: "DisruptionOracle",
  name_in: ["DisruptionReported", "DisruptionConfirmed", "RecoveryConfirmed"],
};
const FINANCINGS = { contract: "ContingencyPool", name: "SubstituteFinanced" };
const isFinancing = eventsOfKind("ContingencyPool", "SubstituteFinanced");

/** Server-side paging of one table's list (the events' lists page through usePagedEvents): its page number and the
 * pager's props once its count is known. */
function usePaging() {
  const [page, setPage] = useState(0);
  return {
    page,
    paging: (totalCount: number | undefined) => ({
      page,
      pages: pageCount(totalCount ?? 0, PAGE),
      rows: totalCount ?? 0,
      onPage: setPage,
    }),
  };
}

export function SupplyChainView() {
  const t = useT();
  const account = useConnectedAccount();
  const { chainId } = useDeployment();
  const supplierPaging = usePaging();
  const componentPaging = usePaging();
  const skipPaging = usePaging();
  const suppliers = useSupplierPage(supplierPaging.page, PAGE);
  const components = useComponentPage(componentPaging.page, PAGE);
  const inbox = useSupplierInbox(account);
  const financings = usePagedEvents(FINANCINGS, PAGE, isFinancing);
  const oracleEvents = usePagedEvents(ORACLE_EVENTS, PAGE, anyEvent);
  const undelivered = useUndeliveredConfirmations();
  const skips = useSkipPage(skipPaging.page, PAGE);
  const aggregates = useAggregates();
  const projects = aggregates.data?.projects;
  const tokenOf = useCallback(
    (e: ChainEvent) => {
      const pid = projectIdOf(e);
      return pid === undefined ? undefined : projects?.get(pid.toString())?.token;
    },
    [projects],
  );
  const reads = [suppliers, components, financings, oracleEvents, undelivered, skips, ...(account ? [inbox] : [])];
  return (
    <>
      <PageHeader title={t("supply.title")} />
      <HistoryStatus reads={reads} />
      {account && inbox.data && <SupplierInbox listings={inbox.data.listings} registered={inbox.data.registered} />}
      <Section title={t("supply.suppliers")} testId="suppliers">
        <Known read={suppliers}>
          {(d) => (
            <>
              <SuppliersTable suppliers={d.suppliers} />
              {d.totalCount > PAGE && <Pager {...supplierPaging.paging(d.totalCount)} />}
            </>
          )}
        </Known>
      </Section>
      <Section title={t("supply.components")} testId="components">
        <Known read={components}>
          {(d) => (
            <>
              <ComponentsTable components={d.components} states={d.states} showProject />
              {d.totalCount > PAGE && <Pager {...componentPaging.paging(d.totalCount)} />}
            </>
          )}
        </Known>
      </Section>
      <FailoverFollowUp
        undelivered={undelivered}
        skips={skips}
        skipPaging={skips.data && skips.data.totalCount > PAGE ? skipPaging.paging(skips.data.totalCount) : undefined}
      />
      <Section title={t("supply.financings")} testId="substitute-financings">
        <Known read={financings}>
          {(d) => (
            <FinancingsTable
              financings={d.events}
              tokenOf={tokenOf}
              showProject
              pageSize={PAGE}
              paging={financings.paging}
            />
          )}
        </Known>
      </Section>
      <OwedAdvances />
      <Section title={t("supply.disruptions")} testId="oracle-events">
        <Known read={oracleEvents}>
          {(d) => <EventTable events={d.events} pageSize={PAGE} testId="oracle-table" paging={oracleEvents.paging} />}
        </Known>
      </Section>
      <ProjectTokenList />
      {isLocalChain(chainId) && <ReporterConsole />}
    </>
  );
}
