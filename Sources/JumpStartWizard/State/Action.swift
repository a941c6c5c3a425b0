import JumpStartCore
import TerminalUI

/// Something that happened: a key, a resize, or the result of work the runtime did.
public enum Action: Sendable, Equatable {
    case keyPressed(Key)
    case resized(Size)
    /// The runtime looked at the export path.
    /// `refusal`: why nothing may be written there (a device, a FIFO, a folder…), whatever the answer.
    case exportTargetChecked(path: String, exists: Bool, refusal: String? = nil)
    case templateWritten(path: String)
    case templateWriteFailed(path: String, message: String)
    /// The price update started by `u` made progress ("2 MB").
    case priceUpdateProgressed(region: String, progress: String)
    /// The price update landed; the services now price with it. `summary`: one line for the status.
    case pricesUpdated(region: String, summary: String)
    /// The price update failed; the wizard keeps the prices it had.
    case priceUpdateFailed(region: String, message: String)
    /// The catalog entry behind a model picked in the list, read by the runtime (`loadEntry`).
    case entryLoaded(EntrySummary, Result<CatalogEntry, CatalogError>)
}

/// Work for the runtime to do; plain values so a test can assert "this key asks to write this file".
public enum Effect: Sendable, Equatable {
    /// Find out whether a file exists at the path (answered with `exportTargetChecked`).
    case checkExportTarget(path: String)
    /// Write the contents atomically (temporary file + rename, mode 0644), replacing any file there.
    case writeTemplate(path: String, contents: String)
    /// Fetch the region's prices from AWS's Price List off the reducer, reporting with
    /// `priceUpdateProgressed`, then `pricesUpdated` or `priceUpdateFailed`.
    case updatePrices(region: String)
    /// Read a catalog entry's whole record (table lines from the catalog's files), answered with
    /// `entryLoaded`: the reducer never reads files itself.
    case loadEntry(EntrySummary)
    /// Put the text on the terminal's clipboard (OSC 52); nothing comes back (a terminal does not
    /// say whether it took it).
    case copyToClipboard(String)
    /// Leave the wizard and restore the terminal.
    case quit
}
