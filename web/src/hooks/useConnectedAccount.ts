"use client";
import { useAccount } from "wagmi";
import { useMounted } from "./useMounted";

/** The connected account, only after mount (never during server render or hydration). */
export function useConnectedAccount(): `0x${string}` | undefined {
  const mounted = useMounted();
  const { address } = useAccount();
  return mounted ? address : undefined;
}
