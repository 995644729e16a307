// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IDocumentPublisher } from "../interfaces/IDocumentPublisher.sol";
import { Errors } from "./Errors.sol";

/// @title Documents
/// @notice The one path by which the escrow and the registry publish a document's text beside its hash
/// (see {IDocumentPublisher}).
library Documents {
    /// @notice The longest text that can be published, in bytes of UTF-8 (about 680 Chinese characters or 2,048
    /// Latin letters); log data costs 8 gas a byte, so a full text adds about 16k gas of log plus its calldata.
    uint256 internal constant MAX_TEXT_BYTES = 2048;

    /// @notice Publishes `text` as the document hashed to `documentHash`, or nothing when `text` is empty (a
    /// private document: only its hash is on chain).
    /// @dev Emits {IDocumentPublisher.DocumentPublished} when `text` is not empty.
    ///
    /// Requirements (for a non-empty `text`):
    /// - at most `MAX_TEXT_BYTES` bytes;
    /// - `keccak256(bytes(text)) == documentHash`.
    function publish(bytes32 documentHash, string calldata text) internal {
        uint256 length = bytes(text).length;
        if (length == 0) return;
        if (length > MAX_TEXT_BYTES) revert Errors.Documents_TextTooLong(documentHash, length, MAX_TEXT_BYTES);
        bytes32 textHash = keccak256(bytes(text));
        if (textHash != documentHash) revert Errors.Documents_HashMismatch(documentHash, textHash);
        emit IDocumentPublisher.DocumentPublished(documentHash, text);
    }
}
