import InboundMail

/// Corpus part D: written after the rules were finished and run once without changing the code, to measure
/// accuracy on mail the rules were not tuned for (see the report in the commit message).
enum ExtractCorpusD {
    static let cases: [LabelledInquiry] = [
        LabelledInquiry(
            "D01 HTML table text", subject: "Booking enquiry - Santorini",
            """
            Destination | Santorini
            Arrival | 14 June 2027
            Departure | 21 June 2027
            Guests | 2 Adults, 0 Children
            Approx. budget | EUR 7,000
            """, destination: "Santorini", checkIn: "2027-06-14", checkOut: "2027-06-21", adults: 2, children: 0,
            budget: money(7_000, "EUR")),
        LabelledInquiry(
            "D02 long-winded dad", subject: "Help!",
            """
            Morning all,

            Wife has been nagging me about a proper holiday so here I am. Thinking Mauritius, the kids (they're 8 \
            and 13) have never seen a tropical beach. School closes on the 24th of June and we'd want to leave \
            the day after, so 25 June, and be back by 5 July. Can't go much above R140k for the four of us \
            including flights from Joburg.

            Cheers
            Dave
            """, destination: "Mauritius", checkIn: "2027-06-25", checkOut: "2027-07-05", adults: 2, children: 2,
            ages: [8, 13], budget: money(140_000, "ZAR")),
        LabelledInquiry(
            "D03 WhatsApp-style", subject: "vic falls",
            "hey!! me + 3 friends wanna do vic falls 2-5 sept, like R12k each max?? thx",
            destination: "Victoria Falls", checkIn: "2027-09-02", checkOut: "2027-09-05", adults: 4, children: 0,
            budget: money(12_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "D04 grandparents", subject: "Kruger with the grandchildren",
            """
            Dear Sir/Madam

            My husband and I would like to take our three grandchildren (aged 6, 9 and 11) to the Kruger Park \
            during the July school holidays, 3 nights from Friday 9 July 2027.

            Yours faithfully
            Margaret Botha
            """, destination: "Kruger", checkIn: "2027-07-09", checkOut: "2027-07-12", adults: 2, children: 3,
            ages: [6, 9, 11], budget: nil),
        LabelledInquiry(
            "D05 Maldives dates in subject", subject: "Maldives 10/11/2027 - 17/11/2027",
            """
            Hi, as per subject. Two adults, overwater villa if possible. Budget USD 15k.
            """, destination: "Maldives", checkIn: "2027-11-10", checkOut: "2027-11-17", adults: 2, children: 0,
            budget: money(15_000, "USD")),
        LabelledInquiry(
            "D06 Zanzibar anniversary with quoted agent", subject: "RE: Zanzibar",
            """
            Thanks Lisa, the 2nd option looks great. Could you also check 12 to 19 October instead?

            -----Original Message-----
            From: Lisa <lisa@sunsettravel.example>
            Sent: 10 January 2027 14:02
            Subject: Zanzibar

            Hi Ben, here are two options for Zanzibar for 2 adults, budget R45,000 total.
            """, destination: "Zanzibar", checkIn: "2027-10-12", checkOut: "2027-10-19", adults: 2, children: 0,
            budget: money(45_000, "ZAR")),
        LabelledInquiry(
            "D07 Bali yoga retreat solo", subject: "Bali",
            """
            Hello, I'm travelling on my own to Bali for a yoga retreat, roughly 3 weeks from 1 February. My budget \
            is about 4000 GBP excluding flights.
            """, destination: "Bali", checkIn: "2027-02-01", checkOut: "2027-02-22", adults: 1, children: 0,
            budget: money(4_000, "GBP")),
        LabelledInquiry(
            "D08 Cape Town wedding group", subject: "Wedding guests accommodation",
            """
            Hi, we need accommodation in Cape Town for our wedding guests, 20 people, 16 - 19 March 2027. \
            Roughly R2,000 per person per night.
            """, destination: "Cape Town", checkIn: "2027-03-16", checkOut: "2027-03-19", adults: 20, children: 0,
            budget: money(2_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "D09 Stone Town babymoon", subject: "Babymoon",
            """
            My partner and I are planning a babymoon to Stone Town at the end of April, maybe 26 April to 1 May. \
            Nothing too fancy, under R25 000.
            """, destination: "Zanzibar", checkIn: "2027-04-26", checkOut: "2027-05-01", adults: 2, children: 0,
            budget: money(25_000, "ZAR")),
        LabelledInquiry(
            "D10 Mauritius US writer", subject: "Mauritius family vacation",
            """
            Hi there! We're a family of 5 from Boston (me, my husband and our 3 kids - 4, 7 and 12) planning \
            Mauritius for Thanksgiving week, November 20-27, 2027. Budget is $18,000 for everything.
            """, destination: "Mauritius", checkIn: "2027-11-20", checkOut: "2027-11-27", adults: 2, children: 3,
            ages: [4, 7, 12], budget: money(18_000, "USD")),
    ]
}
