// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Slot 2 of a project's pool: its token and the terms in force ({SupplyChainTypes.PoolTerms}).
///
/// Layout (one storage word):
///
///   255            224 223             192 191         176 175         160 159              0
///   [ repaymentTerm  ][ withdrawalNotice  ][ disruptionBps ][ exposureBps  ][      token       ]
///
/// - token: the project's token, cached at the first commitment;
/// - exposureBps, disruptionBps: the caps in basis points of the shareholders' value (<= 10,000);
/// - withdrawalNotice, repaymentTerm: seconds.
type PoolConfig is uint256;

using PoolConfigLib for PoolConfig global;

/// @notice Read and write {PoolConfig}; nothing else shifts its bits.
library PoolConfigLib {
    uint256 private constant _TOKEN_MASK = uint256(type(uint160).max);

    function token(PoolConfig config) internal pure returns (address) {
        return address(uint160(PoolConfig.unwrap(config)));
    }

    function exposureBps(PoolConfig config) internal pure returns (uint256) {
        return uint16(PoolConfig.unwrap(config) >> 160);
    }

    function disruptionBps(PoolConfig config) internal pure returns (uint256) {
        return uint16(PoolConfig.unwrap(config) >> 176);
    }

    function withdrawalNotice(PoolConfig config) internal pure returns (uint256) {
        return uint32(PoolConfig.unwrap(config) >> 192);
    }

    function repaymentTerm(PoolConfig config) internal pure returns (uint256) {
        return PoolConfig.unwrap(config) >> 224;
    }

    /// @notice `config` with token `account`.
    function withToken(PoolConfig config, address account) internal pure returns (PoolConfig) {
        return PoolConfig.wrap((PoolConfig.unwrap(config) & ~_TOKEN_MASK) | uint160(account));
    }

    /// @notice `config` with the terms `exposure`, `disruption` (basis points), `notice` and `term` (seconds).
    /// Requirements: each fits its field (the {SupplyChainTypes.PoolTerms} widths).
    function withTerms(
        PoolConfig config,
        uint256 exposure,
        uint256 disruption,
        uint256 notice,
        uint256 term
    ) internal pure returns (PoolConfig) {
        return
            PoolConfig.wrap(
                (PoolConfig.unwrap(config) & _TOKEN_MASK) |
                    (uint256(uint16(exposure)) << 160) |
                    (uint256(uint16(disruption)) << 176) |
                    (uint256(uint32(notice)) << 192) |
                    (uint256(uint32(term)) << 224)
            );
    }
}
