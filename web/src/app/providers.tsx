"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import { LanguageProvider } from "@/i18n";
import { wagmiConfig } from "@/wallet/wagmiConfig";
import { NotifierProvider } from "@/components/Notifier";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 2_000 } },
      }),
  );
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>
          <NotifierProvider>{children}</NotifierProvider>
        </LanguageProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
