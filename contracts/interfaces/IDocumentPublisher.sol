// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDocumentPublisher
/// @notice A contract that takes document hashes (a project's description, a component's specification, a
/// supplier's record, milestone evidence, a rejection's reasons) and lets the caller publish the document's text
/// beside its hash, in the same transaction. A document is either published (its text is in the log, readable by
/// everyone) or private (only its hash is on chain, e.g. confidential evidence): the caller passes an empty text
/// for a private one.
/// @dev Whoever shows a published text checks `keccak256(bytes(text)) == documentHash` again; the contract has
/// already refused a text that does not hash to the value it stores ({Errors.Documents_HashMismatch}) or that is
/// longer than `Documents.MAX_TEXT_BYTES` ({Errors.Documents_TextTooLong}). A text is anyone's input: render it as
/// plain text, never as HTML or a link target.
interface IDocumentPublisher {
    /// @notice Emitted when the caller of a function that takes a document hash published the document's text.
    /// @param documentHash The document's hash as the function stored or emitted it (`keccak256` of the text's
    /// UTF-8 bytes).
    /// @param text The document's text, UTF-8, 1 .. `Documents.MAX_TEXT_BYTES` bytes.
    event DocumentPublished(bytes32 indexed documentHash, string text);
}
