/// The classic wildcard matcher, used twice: for segments within a path (`**`) and for characters within a
/// segment (`*`). It runs in O(pattern × subject) time by backtracking only to the most recent star.
enum GlobMatcher {
    /// Whether `pattern` matches all of `subject`, where elements for which `isStar` holds match any run of
    /// subject elements (including none) and the others match one element when `matchesOne` says so.
    static func matches<Element, Subject: Collection>(
        _ pattern: [Element],
        _ subject: Subject,
        isStar: (Element) -> Bool,
        matchesOne: (Element, Subject.Element) -> Bool
    ) -> Bool {
        let subject = Array(subject)
        var patternIndex = 0
        var subjectIndex = 0
        var star: (pattern: Int, subject: Int)?
        while subjectIndex < subject.count {
            if patternIndex < pattern.count, isStar(pattern[patternIndex]) {
                star = (patternIndex, subjectIndex)
                patternIndex += 1
            } else if patternIndex < pattern.count, matchesOne(pattern[patternIndex], subject[subjectIndex]) {
                patternIndex += 1
                subjectIndex += 1
            } else if let last = star {
                star = (last.pattern, last.subject + 1)
                patternIndex = last.pattern + 1
                subjectIndex = last.subject + 1
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, isStar(pattern[patternIndex]) {
            patternIndex += 1
        }
        return patternIndex == pattern.count
    }
}
