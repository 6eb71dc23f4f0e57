/**
 * A post's comments in a half-screen sheet: the 点评 of city leaders first, marked 「点评」 with the leader's
 * name, then everyone else's, oldest first, more on request; below, the box to write one (at most 500
 * characters, counted as one types). A refusal shows above the box in the server's words and the words
 * stay, so 发送 again is a retry under the same requestId (hooks/useComments.ts).
 */
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { Comment, Role } from '../../../core/contract';
import { toastSuccess } from '../../api/toast';
import { useComments } from '../../hooks/useComments';
import { roleNames } from '../../lib/names';
import { COMMENT_MAX, writesRemarks } from '../../lib/social';
import { relativeTimeText } from '../../lib/time';
import { messageOf } from '../../api/errors';
import BottomSheet from './BottomSheet';

interface Props {
  postId: string;
  unitName: string;
  role: Role;
  /** A comment went through; `isNew`: it was not counted yet. */
  onCommented: (isNew: boolean) => void;
  onClose: () => void;
}

function CommentItem({ c }: { c: Comment }) {
  return (
    <View className={`cmt${c.remark ? ' cmt--remark' : ''}`} data-testid="comment">
      <View className="cmt__head">
        {c.remark && <Text className="cmt__tag">点评</Text>}
        <Text className="cmt__who">
          {c.authorName} · {roleNames[c.authorRole]}
        </Text>
        <Text className="cmt__time">{relativeTimeText(c.createdAt)}</Text>
      </View>
      <Text className="cmt__text" userSelect>
        {c.text}
      </Text>
    </View>
  );
}

/** Only while sending: Taro's browser button greys out for any `disabled` attribute, "false" included. */
const disabledWhile = (sending: boolean) => (sending ? { disabled: true } : {});

export default function CommentsSheet({ postId, unitName, role, onCommented, onClose }: Props) {
  const list = useComments(postId);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const remark = writesRemarks(role);

  const submit = async () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setEmpty(true);
      return;
    }
    const sent = await list.send(trimmed);
    if (!sent) return;
    setText('');
    onCommented(sent.isNew);
    toastSuccess(remark ? '已点评' : '已发送');
  };

  const problem = list.sendError ?? (empty ? '请先写下评论内容' : null);
  return (
    <BottomSheet
      title={`评论 · ${unitName}`}
      busy={list.sending}
      onClose={onClose}
      testId="comments-sheet"
      scrolls
    >
      <ScrollView className="psheet__list" scrollY>
        {list.items.map((c) => (
          <CommentItem key={c.id} c={c} />
        ))}
        {list.items.length === 0 && list.loading && <Text className="psheet__state">加载中…</Text>}
        {list.error !== null && (
          <View className="psheet__state">
            <Text>没能加载评论：{messageOf(list.error)}</Text>
            <Button className="ghost-btn psheet__more" onClick={() => void list.reload()}>
              重试
            </Button>
          </View>
        )}
        {list.items.length === 0 && !list.loading && list.error === null && (
          <Text className="psheet__state">
            还没有评论。看了有想法、有经验可借鉴，就在下面写一句；市领导的评论作为「点评」置顶。
          </Text>
        )}
        {list.items.length > 0 && !list.ended && list.error === null && (
          <Button className="ghost-btn psheet__more" onClick={() => void list.loadMore()}>
            {list.loading ? '加载中…' : '查看更多评论'}
          </Button>
        )}
      </ScrollView>
      <View className="psheet__compose">
        {problem && (
          <Text className="psheet__error" data-testid="comment-error">
            ⚠ {problem}
          </Text>
        )}
        <Textarea
          className="psheet__area"
          value={text}
          maxlength={COMMENT_MAX}
          autoHeight
          fixed
          placeholder={remark ? '写下点评：将置顶显示，并通知该单位' : '写评论，说说看法或想学的地方'}
          onInput={(e) => {
            setText(e.detail.value);
            setEmpty(false);
            list.clearSendError();
          }}
          ariaLabel="评论内容"
          name="comment"
        />
        <View className="psheet__row">
          <Text className="psheet__count" data-testid="comment-count">
            {text.length} / {COMMENT_MAX}
          </Text>
          <Button
            className="primary-btn psheet__send"
            {...disabledWhile(list.sending)}
            onClick={() => void submit()}
            data-testid="comment-send"
          >
            {list.sending ? '发送中…' : remark ? '发布点评' : '发送'}
          </Button>
        </View>
      </View>
    </BottomSheet>
  );
}
