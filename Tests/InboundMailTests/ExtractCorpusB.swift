import InboundMail

/// Corpus part B: labelled dates, US and ISO formats, year rollover, long chatty mails, currencies.
enum ExtractCorpusB {
    static let cases: [LabelledInquiry] = [
        LabelledInquiry(
            "B01 leaving returning", subject: "Anniversary",
            """
            Hi! Planning our anniversary trip to Bali. Leaving 14 October 2027, returning 24 October 2027. \
            My wife and I. Budget R80 000.
            """, destination: "Bali", checkIn: "2027-10-14", checkOut: "2027-10-24", adults: 2, children: 0,
            budget: money(80_000, "ZAR")),
        LabelledInquiry(
            "B02 arriving departing GBP", subject: "Mauritius",
            "Arriving 2 March, departing 9 March, Mauritius, 2 adults 2 kids (ages 3 and 5), budget 9000 GBP",
            destination: "Mauritius", checkIn: "2027-03-02", checkOut: "2027-03-09", adults: 2, children: 2,
            ages: [3, 5], budget: money(9_000, "GBP")),
        LabelledInquiry(
            "B03 check-in check-out lines", subject: "Quote please",
            """
            Good afternoon,
            Kindly quote for Zanzibar, Stone Town.
            Check-in 15 Aug 2027
            Check-out 22 Aug 2027
            3 adults
            Budget: R90,000 for everyone
            Thank you
            Nomsa
            """, destination: "Zanzibar", checkIn: "2027-08-15", checkOut: "2027-08-22", adults: 3, children: 0,
            budget: money(90_000, "ZAR")),
        LabelledInquiry(
            "B04 month-first abbreviations teens GBP k", subject: "Easter",
            "Apr 12 - Apr 19, Cape Town, 2 adults + 2 teens (14, 16), £4.5k pp",
            destination: "Cape Town", checkIn: "2027-04-12", checkOut: "2027-04-19", adults: 2, children: 2,
            ages: [14, 16], budget: money(4_500, "GBP", perPerson: true)),
        LabelledInquiry(
            "B05 US long dates through", subject: "Maldives trip",
            """
            Hello, looking for Maldives trip April 12, 2027 through April 20, 2027 for 2 people. Our max is $20,000.
            """, destination: "Maldives", checkIn: "2027-04-12", checkOut: "2027-04-20", adults: 2, children: 0,
            budget: money(20_000, "USD")),
        LabelledInquiry(
            "B06 between and", subject: "Falls",
            """
            We'd like to visit Victoria Falls between 1 and 8 March 2027. 4 adults. R25,000 per person.
            """, destination: "Victoria Falls", checkIn: "2027-03-01", checkOut: "2027-03-08", adults: 4, children: 0,
            budget: money(25_000, "ZAR", perPerson: true)),
        LabelledInquiry(
            "B07 two weeks family of 5", subject: "Bali July",
            """
            Hi, we are thinking of two weeks in Bali from 5 July 2027. Family of 5 (our kids are 12, 10 and 6 years).
            Budget $15k.
            """, destination: "Bali", checkIn: "2027-07-05", checkOut: "2027-07-19", adults: 2, children: 3,
            ages: [12, 10, 6], budget: money(15_000, "USD")),
        LabelledInquiry(
            "B08 a week from the 20th of", subject: "Santorini",
            """
            Please quote Santorini for a week from the 20th of September 2027, 2 adults, budget €6k in total.
            """, destination: "Santorini", checkIn: "2027-09-20", checkOut: "2027-09-27", adults: 2, children: 0,
            budget: money(6_000, "EUR")),
        LabelledInquiry(
            "B09 yearless short range infant", subject: "Zanzibar",
            "Zanzibar 15 Aug - 22 Aug, 2 adults 1 infant. R50k",
            destination: "Zanzibar", checkIn: "2027-08-15", checkOut: "2027-08-22", adults: 2, children: 1,
            budget: money(50_000, "ZAR")),
        LabelledInquiry(
            "B10 New Year rollover", subject: "New Year",
            """
            Hi, Cape Town over New Year: 28 Dec - 4 Jan, 2 adults and 3 children aged 2, 5 and 11. Budget R100,000.
            """, destination: "Cape Town", checkIn: "2027-12-28", checkOut: "2028-01-04", adults: 2, children: 3,
            ages: [2, 5, 11], budget: money(100_000, "ZAR")),
        LabelledInquiry(
            "B11 date already passed this year", subject: "Mauritius next January",
            """
            Mauritius for 2 adults, arrive 10 January for 5 nights. Budget 5000 USD pp.
            """, destination: "Mauritius", checkIn: "2028-01-10", checkOut: "2028-01-15", adults: 2, children: 0,
            budget: money(5_000, "USD", perPerson: true)),
        LabelledInquiry(
            "B12 ordinals to", subject: "Safari",
            """
            Hi there, Kruger safari for 3 adults from 12th April to 16th April. We can spend R40,000 total.
            """, destination: "Kruger", checkIn: "2027-04-12", checkOut: "2027-04-16", adults: 3, children: 0,
            budget: money(40_000, "ZAR")),
        LabelledInquiry(
            "B13 to Sept dollars", subject: "Zanzibar September",
            """
            We (2 adults, 2 kids aged 4 and 9) want Zanzibar 10 to 17 Sept. Budget about 7000 dollars.
            """, destination: "Zanzibar", checkIn: "2027-09-10", checkOut: "2027-09-17", adults: 2, children: 2,
            ages: [4, 9], budget: money(7_000, "USD")),
        LabelledInquiry(
            "B14 ISO range form", subject: "Enquiry",
            """
            Travel dates: 2027-08-15 to 2027-08-29
            Destination: Maldives
            Travellers: 2 adults
            Budget: 15000 EUR per person
            """, destination: "Maldives", checkIn: "2027-08-15", checkOut: "2027-08-29", adults: 2, children: 0,
            budget: money(15_000, "EUR", perPerson: true)),
        LabelledInquiry(
            "B15 dashed dates till", subject: "Santorini",
            "Santorini 12-09-2027 till 19-09-2027, 2 pax, €8000",
            destination: "Santorini", checkIn: "2027-09-12", checkOut: "2027-09-19", adults: 2, children: 0,
            budget: money(8_000, "EUR")),
        LabelledInquiry(
            "B16 long chatty with signature", subject: "Dream holiday",
            """
            Dear Sunset Travel team,

            I hope this email finds you well. My name is Rebecca Thompson and I'm writing on behalf of my family. \
            We've been dreaming about a holiday in Mauritius for years, and this year we finally want to make it \
            happen! We were thinking of the school holidays, so roughly 26 June 2027 for 10 nights. We are 2 adults \
            and 3 children (ages 6, 11 and 14). We'd love a resort with a kids club and ideally all-inclusive. Our \
            budget is around R150,000 for the whole family, but we can stretch a little for the right place.

            A few questions: do we need visas? Are flights included?

            Looking forward to hearing from you.

            Warm regards,
            Rebecca Thompson
            Mobile: 083 444 5678

            This email and any attachments are confidential and intended solely for the addressee.
            """, destination: "Mauritius", checkIn: "2027-06-26", checkOut: "2027-07-06", adults: 2, children: 3,
            ages: [6, 11, 14], budget: money(150_000, "ZAR")),
        LabelledInquiry(
            "B17 honeymoon ISO k budget after", subject: "Bali honeymoon!",
            "Bali honeymoon! 2027-05-01 to 2027-05-10. $9k budget.",
            destination: "Bali", checkIn: "2027-05-01", checkOut: "2027-05-10", adults: 2, children: 0,
            budget: money(9_000, "USD")),
        LabelledInquiry(
            "B18 month day range k USD", subject: "Vic Falls",
            "Vic Falls trip for my husband and me, Oct 5-9 2027, 9k USD",
            destination: "Victoria Falls", checkIn: "2027-10-05", checkOut: "2027-10-09", adults: 2, children: 0,
            budget: money(9_000, "USD")),
        LabelledInquiry(
            "B19 ZAR code", subject: "Kruger",
            """
            Morning! Kruger for 2 adults and 2 children (ages 7 and 10), 1-5 July 2027, ZAR 60000.
            """, destination: "Kruger", checkIn: "2027-07-01", checkOut: "2027-07-05", adults: 2, children: 2,
            ages: [7, 10], budget: money(60_000, "ZAR")),
        LabelledInquiry(
            "B20 US$ per person nights from", subject: "Mauritius",
            "Mauritius, 2 adults, 9 nights from 4 Nov 2027, US$9,000 per person.",
            destination: "Mauritius", checkIn: "2027-11-04", checkOut: "2027-11-13", adults: 2, children: 0,
            budget: money(9_000, "USD", perPerson: true)),
        LabelledInquiry(
            "B21 star rating and phone are not money", subject: "5 star Zanzibar",
            """
            Looking for a 5 star hotel in Zanzibar for 2 adults, 10-15 August 2027. Budget R60,000. \
            Call me on 082-555-1234.
            """, destination: "Zanzibar", checkIn: "2027-08-10", checkOut: "2027-08-15", adults: 2, children: 0,
            budget: money(60_000, "ZAR")),
        LabelledInquiry(
            "B22 requested hotel", subject: "Zuri",
            """
            Hi, we would like to stay at the Zuri Zanzibar for 5 nights from 2 June 2027. 2 adults. Our budget is \
            $6000 pp.
            """, destination: "Zanzibar", checkIn: "2027-06-02", checkOut: "2027-06-07", adults: 2, children: 0,
            budget: money(6_000, "USD", perPerson: true)),
    ]
}
