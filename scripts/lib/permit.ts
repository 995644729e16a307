/**
 * EIP-2612 permits: the typed data a token holder signs so that a spender (the escrow) may pull tokens in the same
 * transaction that uses them (`RDEscrow.fundWithPermit`). The one place the seed, the gas benchmark and the tests
 * build it.
 */
import { Signature, type Signer } from "ethers";

/** The EIP-712 type of an EIP-2612 permit (OpenZeppelin's ERC20Permit). */
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** What is read from the token: its EIP-712 domain name (= its ERC-20 name) and the owner's next permit nonce. */
export interface PermitToken {
  getAddress(): Promise<string>;
  name(): Promise<string>;
  nonces(owner: string): Promise<bigint>;
}

/**
 * `owner`'s signature of a permit letting `spender` pull `value` (in units of the token's decimals) until
 * `deadline` (Unix seconds), with the owner's current nonce, for the token's domain (its name, version "1", the
 * chain of `owner`'s provider).
 */
export async function signPermit(
  token: PermitToken,
  owner: Signer,
  spender: string,
  value: bigint,
  deadline: bigint,
): Promise<Signature> {
  if (owner.provider === null) throw new Error("signPermit: the owner's signer has no provider");
  const [ownerAddress, name, verifyingContract, { chainId }] = await Promise.all([
    owner.getAddress(),
    token.name(),
    token.getAddress(),
    owner.provider.getNetwork(),
  ]);
  const nonce = await token.nonces(ownerAddress);
  const signature = await owner.signTypedData({ name, version: "1", chainId, verifyingContract }, PERMIT_TYPES, {
    owner: ownerAddress,
    spender,
    value,
    nonce,
    deadline,
  });
  return Signature.from(signature);
}
