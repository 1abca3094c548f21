/// Everyday English words, stemmed by PostgreSQL's `english` configuration, that carry little of a question's
/// meaning: helper verbs ("get", "make", "need"), people ("mother", "someone"), vague time and amount words
/// ("day", "soon", "much"). PostgreSQL's stop-word list removes only function words; these survive it, yet a
/// knowledge base that never says "mother" can still answer "Can my mother, who uses a wheelchair, stay here?".
///
/// They get a small weight in coverage and never count as anchors or unknown terms (``TermWeights``). The list
/// is general, not fitted to the evaluation corpus; it applies to the `english` configuration (stems of other
/// languages simply never match it).
enum GenericTerms {
    static let english: Set<String> = Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words that ask for live information a static knowledge base cannot hold ("today's exchange rate",
    /// "the forecast for this weekend"): weighted like names, so a passage must mention them to count.
    static let live: Set<String> = ["today", "tomorrow", "tonight", "yesterday", "forecast", "latest"]

    private static let words = """
        abl accept across actual add afternoon ago allow almost alon along alreadi also although alway among
        amount anoth answer anybodi anyon anyth anyway anywher appear appli around ask away back bad becom begin
        behind believ best better big bit boss bring brother build busi buy call cannot care carri case caus
        certain chang choos clear close colleagu come common consid continu could cours current daughter day
        deal decid differ done earli easi either els end enough even ever everi everybodi everyon everyth exact
        exampl expect explain fact fall famili far father feel fill final find fine first follow forget free
        friend full get give glad go gone good got grandfath grandmoth grandpar great group guess guy half
        happen happi hard hear hello help high hold hope howev husband idea import includ inform instead
        interest keep kind know ladi last late later least leav less let like littl live long look lose lot love
        low main make man mani matter may mayb mean meet men might mind mine minut miss moment month morn mother
        move much must name near need never new next nice night normal noth notic number often okay old other
        otherwis parent part particular partner peopl perhap person place plan pleas point possibl prefer pretti
        probabl problem provid put question quick quit rather readi real realli reason receiv recent rememb
        requir respond rest right run say see seem send set sever shall show side similar simpl sinc sister
        somebodi someon someth sometim son soon sorri sort start stay still stop suppos sure take talk tell
        thank thing think though thus time today togeth tomorrow top toward tri turn type understand upon use
        usual want way week weekend well whatev whether whole wife wish within without woman women wonder work
        would year yes yet young
        """
}
