/// The rule-based trip extractor: reads one inbound mail and returns the facts it states (``ExtractedTrip``).
///
/// Pure and total: any input returns a result, nothing traps, and the work is roughly linear in the text, which is
/// cut to 100 KB first. Each rule lives with its extractor and is documented there: ``MailText`` (reply and
/// forward handling), ``DateExtractor``, ``TravellerExtractor``, ``BudgetExtractor``, ``DestinationMatcher``,
/// ``NameExtractor``, ``ContactExtractor``, ``HotelExtractor``, ``InquiryClassifier``. Facts are read from the
/// subject and the sender's own text first, and from quoted or forwarding text only when the former says nothing.
public enum TripExtractor {
    /// Extracts the trip facts from `input`; unknown facts stay nil.
    public static func extract(_ input: ExtractionInput) -> ExtractedTrip {
        let mail = MailText(subject: input.subject, body: input.body)
        let subject = MailText.truncate(input.subject, to: MailText.maxSubjectBytes)
        let primary = Tokenizer.tokens(mail.primary)
        let secondary = Tokenizer.tokens(mail.secondary)
        var trip = ExtractedTrip()

        var stay = DateExtractor(tokens: primary, today: input.today).stay()
        if stay.checkIn == nil && stay.nights == nil {
            stay = DateExtractor(tokens: secondary, today: input.today).stay()
        }
        trip.checkIn = stay.checkIn
        trip.checkOut = stay.checkOut
        trip.nights = stay.nights

        var party = TravellerExtractor(tokens: primary).party()
        if party.adults == nil && party.children == nil { party = TravellerExtractor(tokens: secondary).party() }
        trip.adults = party.adults
        trip.children = party.children
        trip.childrenAges = party.ages
        trip.infants = party.infants

        trip.budget =
            BudgetExtractor(tokens: primary, defaultCurrency: input.defaultCurrency).budget()
            ?? BudgetExtractor(tokens: secondary, defaultCurrency: input.defaultCurrency).budget()

        let matcher = DestinationMatcher(destinations: input.destinations)
        trip.destination = matcher.match(in: [Tokenizer.tokens(subject), primary, secondary])

        let destinationWords = Set(matcher.phrases.flatMap(\.words))
        trip.requestedHotel =
            HotelExtractor(tokens: primary, destinationWords: destinationWords).hotel()
            ?? HotelExtractor(tokens: secondary, destinationWords: destinationWords).hotel()

        trip.name =
            NameExtractor.name(in: mail.ownBody) ?? NameExtractor.displayName(mail.forwardedFromName)
            ?? NameExtractor.displayName(input.fromName)
        trip.email = ContactExtractor.email(in: mail.ownBody) ?? mail.forwardedFromEmail ?? input.fromEmail
        trip.phone = ContactExtractor.phone(in: mail.ownBody)
        trip.specialRequests = InquiryClassifier.specialRequests(in: mail.primary)

        trip.isTravelInquiry = InquiryClassifier.isInquiry(
            subject: subject, text: mail.primary + "\n" + mail.secondary, fromEmail: input.fromEmail,
            tokens: primary, destination: trip.destination, hasDates: trip.checkIn != nil || trip.nights != nil,
            hasTravellers: trip.adults != nil)
        return trip
    }
}
