/**
 * The EIP-712 messages a supplier signs for the SupplyChainRegistry (contracts/supply/SupplyChainRegistry.sol):
 * its own record (`registerSupplierWithSig`) and its acceptance of a listing (`acceptListingWithSig`). Whoever
 * holds the signature (usually the firm onboarding the supplier) submits it; the supplier needs no gas.
 */
import type { TypedDataDomain, TypedDataField } from "ethers";

/** The registry's EIP-712 domain name and version (its constructor's `EIP712(...)`). */
export const REGISTRY_DOMAIN_NAME = "RDCF Supply Chain Registry";
export const REGISTRY_DOMAIN_VERSION = "1";

export const SUPPLIER_RECORD_TYPES: Record<string, TypedDataField[]> = {
  SupplierRecord: [
    { name: "supplier", type: "address" },
    { name: "metadataHash", type: "bytes32" },
    { name: "region", type: "bytes2" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

export const LISTING_TYPES: Record<string, TypedDataField[]> = {
  Listing: [
    { name: "supplier", type: "address" },
    { name: "projectId", type: "uint256" },
    { name: "componentId", type: "uint256" },
    { name: "position", type: "uint256" },
    { name: "advance", type: "uint256" },
    { name: "metadataHash", type: "bytes32" },
    { name: "deadline", type: "uint256" },
  ],
};

/** Anything that signs typed data (an ethers Wallet or a Hardhat signer). */
export interface TypedDataSigner {
  address: string;
  signTypedData(
    domain: TypedDataDomain,
    types: Record<string, TypedDataField[]>,
    value: Record<string, unknown>,
  ): Promise<string>;
}

export function registryDomain(chainId: bigint, registry: string): TypedDataDomain {
  return { name: REGISTRY_DOMAIN_NAME, version: REGISTRY_DOMAIN_VERSION, chainId, verifyingContract: registry };
}

/** The supplier's signature of its record with nonce `nonce` (the registry's `nonces(supplier)`). */
export function signSupplierRecord(
  supplier: TypedDataSigner,
  domain: TypedDataDomain,
  record: { metadataHash: string; region: string; nonce: bigint; deadline: bigint },
): Promise<string> {
  return supplier.signTypedData(domain, SUPPLIER_RECORD_TYPES, { supplier: supplier.address, ...record });
}

/**
 * The supplier's acceptance of its listing at `position` (0 = primary, i = the i-th substitute) of the
 * component, with its advance (0 for the primary) and the component's metadata hash, as the registry stores them.
 */
export function signListing(
  supplier: TypedDataSigner,
  domain: TypedDataDomain,
  listing: {
    projectId: bigint;
    componentId: bigint;
    position: bigint;
    advance: bigint;
    metadataHash: string;
    deadline: bigint;
  },
): Promise<string> {
  return supplier.signTypedData(domain, LISTING_TYPES, { supplier: supplier.address, ...listing });
}
