import {
  BoldOutlined,
  FontSizeOutlined,
  LinkOutlined,
  PictureOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Form, Input, Modal, message, Space, Tooltip } from 'antd';
import { type MouseEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRACTICE_IMAGE_MAX_BYTES,
  PRACTICE_IMAGE_TYPES,
  uploadPracticeImage,
} from '../../api/practices.ts';
import { useErrorMessage } from '../../components/request-error.tsx';

interface Props {
  /** The HTML to start from; the editor is uncontrolled after that (remount it to reset). */
  initialHtml: string;
  onChange: (html: string) => void;
  id?: string;
}

/** execCommand is old but is what contentEditable offers; the server sanitises whatever comes. */
function exec(command: string, value?: string): void {
  document.execCommand(command, false, value);
}

function ToolButton({
  label,
  icon,
  onClick,
  loading,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  loading?: boolean;
}) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        icon={icon}
        loading={loading ?? false}
        // Keep the caret in the text: a click on the button must not take the focus.
        onMouseDown={(event: MouseEvent) => event.preventDefault()}
        onClick={onClick}
      >
        {label}
      </Button>
    </Tooltip>
  );
}

/**
 * A small rich-text editor for 经验做法: bold, a subheading, a list, a link and an uploaded
 * image. What it produces is sanitised by the server on save.
 */
export function RichTextEditor({ initialHtml, onChange, id }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const [messageApi, messageHolder] = message.useMessage();
  const editor = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const saved = useRef<Range | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('https://');
  const [uploading, setUploading] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: set once; the editor owns its text after
  useEffect(() => {
    if (editor.current) editor.current.innerHTML = initialHtml;
  }, []);

  const emit = () => onChange(editor.current?.innerHTML ?? '');

  const saveSelection = () => {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    saved.current =
      range && editor.current?.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
  };

  /** Puts the caret back where it was (or at the end) before inserting. */
  const restoreSelection = () => {
    const element = editor.current;
    if (!element) return;
    element.focus();
    const selection = window.getSelection();
    if (!selection) return;
    let range = saved.current;
    if (!range) {
      range = document.createRange();
      range.selectNodeContents(element);
      range.collapse(false);
    }
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const run = (command: string, value?: string) => {
    editor.current?.focus();
    exec(command, value);
    emit();
  };

  const heading = () => {
    const current = String(document.queryCommandValue('formatBlock')).toLowerCase();
    run('formatBlock', current === 'h3' ? 'p' : 'h3');
  };

  const insertLink = () => {
    const url = linkUrl.trim();
    if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) {
      void messageApi.error(t('practices.editor.linkInvalid'));
      return;
    }
    setLinkOpen(false);
    restoreSelection();
    const selection = window.getSelection();
    if (selection?.isCollapsed) {
      const link = document.createElement('a');
      link.href = url;
      link.textContent = url;
      const range = selection.getRangeAt(0);
      range.insertNode(link);
      range.setStartAfter(link);
      range.collapse(true);
      selection.removeAllRanges();
      selection.addRange(range);
      emit();
    } else {
      run('createLink', url);
    }
  };

  const chooseImage = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    if (!PRACTICE_IMAGE_TYPES.includes(file.type)) {
      void messageApi.error(t('practices.editor.imageType'));
      return;
    }
    if (file.size > PRACTICE_IMAGE_MAX_BYTES) {
      void messageApi.error(t('practices.editor.imageTooLarge'));
      return;
    }
    setUploading(true);
    try {
      const { url } = await uploadPracticeImage(file);
      restoreSelection();
      run('insertImage', url);
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="rich-text-editor">
      {messageHolder}
      <Space
        size={4}
        wrap
        className="rich-text-toolbar"
        role="toolbar"
        aria-label={t('practices.editor.toolbar')}
      >
        <ToolButton
          label={t('practices.editor.bold')}
          icon={<BoldOutlined />}
          onClick={() => run('bold')}
        />
        <ToolButton
          label={t('practices.editor.heading')}
          icon={<FontSizeOutlined />}
          onClick={heading}
        />
        <ToolButton
          label={t('practices.editor.list')}
          icon={<UnorderedListOutlined />}
          onClick={() => run('insertUnorderedList')}
        />
        <ToolButton
          label={t('practices.editor.link')}
          icon={<LinkOutlined />}
          onClick={() => {
            saveSelection();
            setLinkUrl('https://');
            setLinkOpen(true);
          }}
        />
        <ToolButton
          label={uploading ? t('practices.editor.uploading') : t('practices.editor.image')}
          icon={<PictureOutlined />}
          loading={uploading}
          onClick={() => {
            saveSelection();
            fileInput.current?.click();
          }}
        />
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept={PRACTICE_IMAGE_TYPES.join(',')}
        hidden
        onChange={(event) => void chooseImage(event.target.files?.[0])}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text field has no native element */}
      <div
        ref={editor}
        id={id}
        className="rich-text-area practice-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        tabIndex={0}
        aria-multiline="true"
        aria-label={t('practices.editor.label')}
        data-placeholder={t('practices.editor.placeholder')}
        onInput={emit}
        onBlur={emit}
      />
      <Modal
        open={linkOpen}
        title={t('practices.editor.linkTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onOk={insertLink}
        onCancel={() => setLinkOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={insertLink}>
          <Form.Item label={t('practices.editor.linkUrl')}>
            <Input
              value={linkUrl}
              onChange={(event) => setLinkUrl(event.target.value)}
              onPressEnter={insertLink}
              autoFocus
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
