import HwbCore
import Testing

/// The interchange fields keep one order: the JSON keys, the CSV columns, the audit log's
/// before/after and the import reader all go by `Field.ordinal`.
@Suite struct AccountFieldTests {
    @Test func eachFieldsOrdinalIsItsPlaceInInterchangeOrder() {
        for (index, field) in Account.Field.allCases.enumerated() {
            #expect(field.ordinal == index, "\(field)")
        }
    }
}
