/// Told how far long work has got (a load, a save, an import, an export), so that the
/// shell can draw a progress bar; what is done with it is no business of the files.
/// Advanced from both cores at once by the parallel readers.
public protocol ProgressListener: Sendable {
    /// Counts `count` more units (bytes or accounts) done.
    func advance(by count: Int)
    /// The work has ended, done or not.
    func finish()
}
