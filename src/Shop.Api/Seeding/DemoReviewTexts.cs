using Shop.Grains.Reviews;

namespace Shop.Api.Seeding;

/// <summary>The demo buyers' names and what they write: mostly content, some not, a few without words.</summary>
internal static class DemoReviewTexts
{
    public static readonly string[] BuyerNames =
    [
        "王芳", "李伟", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴婷",
        "徐明", "孙悦", "马超", "朱琳", "胡斌", "郭晶", "何军", "高雅", "林峰", "罗娜",
    ];

    private static readonly string[][] ByStars =
    [
        ["质量很差，用了两天就坏了，不推荐。", "和描述不符，已申请售后。"],
        ["一般般，做工有点粗糙。", "物流很慢，东西还行但不值这个价。"],
        ["中规中矩，价格合适。", "还可以，有些小瑕疵，能接受。", "用着还行，说明书写得不太清楚。"],
        ["挺好的，性价比不错，推荐购买。", "包装完好，物流快，用了几天没问题。", "整体满意，颜色比图片稍深一点。", "质量不错，家人很喜欢。"],
        ["非常满意！做工精细，物超所值。", "第二次购买了，一如既往的好。", "发货快，质量好，客服态度也很好，五星好评！", "超出预期，已经推荐给朋友了。", "正品，用着很顺手，会回购。"],
    ];

    /// <summary>Stars leaning high, as a shop's reviews do; one review in five has no text.</summary>
    public static ReviewDraft Draft(Random random)
    {
        var roll = random.Next(100);
        var stars = roll switch { < 4 => 1, < 9 => 2, < 22 => 3, < 52 => 4, _ => 5 };
        var texts = ByStars[stars - 1];
        return new ReviewDraft(stars, random.Next(5) == 0 ? null : texts[random.Next(texts.Length)]);
    }
}
